/// The catalogue BinaUsaha ships with, written from DOMAIN.md §4.1. Prices that a source
/// states are marked `figuresEstimated: false` and name the source; every other figure is a
/// clearly marked estimate for the office to correct on the skills page.
public enum StartingCatalogue {
    public static let resources: [Resource] = [
        Resource(code: "rotan", name: "Rotan", notes: "Jenis sego, semambu, geta, manau; bahan makin langka"),
        Resource(code: "bambu", name: "Bambu"),
        Resource(code: "purun", name: "Purun", notes: "Tumbuh di rawa; berkurang karena rawa menjadi kebun sawit"),
        Resource(code: "pandan", name: "Pandan"),
        Resource(code: "ikan-sungai", name: "Ikan sungai & rawa", notes: "Gabus, patin, baung, lais"),
        Resource(code: "ikan-laut", name: "Ikan laut"),
        Resource(code: "udang", name: "Udang"),
        Resource(code: "karet", name: "Karet"),
        Resource(code: "kopi", name: "Kopi"),
        Resource(code: "nanas", name: "Nanas"),
        Resource(code: "durian", name: "Durian"),
        Resource(code: "aren", name: "Aren (enau)"),
        Resource(code: "kelapa", name: "Kelapa"),
        Resource(code: "benang-kain", name: "Benang & kain", notes: "Umumnya dibeli di pasar"),
        Resource(code: "kayu-tembesu", name: "Kayu (tembesu)"),
        Resource(code: "logam-mulia", name: "Logam mulia (emas, perak)"),
        Resource(code: "tanah-liat", name: "Tanah liat"),
    ]

    static func product(_ name: String, _ unit: String, _ material: Int64, _ price: Int64) -> SkillProduct {
        SkillProduct(name: name, unit: unit, materialCost: Rupiah(material), sellingPrice: Rupiah(price))
    }

    static func need(_ resource: String, _ weight: Int, essential: Bool = true) -> ResourceNeed {
        ResourceNeed(resource: resource, weight: weight, essential: essential)
    }

    static let estimate = "Perkiraan awal BinaUsaha; perbarui dengan harga setempat."

    /// Who each skill does not suit, from what the work involves.
    public static let unsuitable: [String: [SuitabilityRule]] = [
        "ikan-salai": [
            SuitabilityRule(.pernapasan, .tidakCocok, "bekerja lama di dekat asap pengasapan"),
            SuitabilityRule(.angkatBerat, .kurangCocok, "mengangkat kayu bakar dan rak ikan"),
        ],
        "kemplang": [SuitabilityRule(.pernapasan, .kurangCocok, "asap pemanggangan")],
        "kerajinan-bambu": [
            SuitabilityRule(.angkatBerat, .kurangCocok, "memotong dan membelah bambu butuh tenaga"),
            SuitabilityRule(.fisik, .kurangCocok, "memotong dan membelah bambu butuh tenaga; menganyam bisa sambil duduk"),
        ],
        "bokar-bersih": [
            SuitabilityRule(.fisik, .tidakCocok, "menyadap karet berjalan di kebun sejak subuh"),
            SuitabilityRule(.lansia, .kurangCocok, "menyadap karet berjalan di kebun sejak subuh"),
            SuitabilityRule(.angkatBerat, .kurangCocok, "mengangkut lateks dan bokar"),
        ],
        "ukiran-kayu": [
            SuitabilityRule(.netra, .tidakCocok, "pahat tajam dan detail ukiran"),
            SuitabilityRule(.angkatBerat, .kurangCocok, "mengangkat kayu dan mebel"),
        ],
        "kerajinan-lakuer": [SuitabilityRule(.pernapasan, .kurangCocok, "uap cat dan pernis")],
        "perhiasan-logam": [SuitabilityRule(.netra, .tidakCocok, "pekerjaan sangat halus dengan api dan logam panas")],
        "batik": [
            SuitabilityRule(.pernapasan, .kurangCocok, "uap malam (lilin) panas dan pewarna"),
            SuitabilityRule(.netra, .kurangCocok, "mencanting motif butuh penglihatan"),
        ],
        "menjahit": [SuitabilityRule(.netra, .kurangCocok, "mesin jahit dan ukuran butuh penglihatan")],
        "tenun-songket": [SuitabilityRule(.netra, .kurangCocok, "motif songket butuh penglihatan dan ketelitian")],
        "ikan-asin": [SuitabilityRule(.angkatBerat, .kurangCocok, "mengangkat keranjang ikan dan jemuran")],
    ]

    public static let skills: [Skill] = baseSkills.map {
        var skill = $0
        skill.unsuitable = unsuitable[skill.code] ?? []
        return skill
    }

    static let baseSkills: [Skill] = [
        Skill(
            code: "anyaman-purun", name: "Anyaman purun", description: "Tikar, tas, topi dan sajadah dari purun.",
            needs: [need("purun", 5), need("pandan", 1, essential: false)], interests: ["anyaman"], trainingHours: 60,
            starterKitCost: Rupiah(2_000_000),
            products: [product("Tikar purun polos", "lembar", 2_000, 6_000), product("Tas purun bermotif", "buah", 10_000, 45_000)],
            suitability: "Bisa dikerjakan sambil duduk di rumah; 3–4 tikar sehari.", figuresEstimated: true,
            source:
                "Harga tikar Rp 6.000 ke pengepul (Pedamaran, 2015, daerah.sindonews.com; Tribun Palembang 2015; Tribun Sumsel 2025); biaya bahan dan harga tas perkiraan."
        ),
        Skill(
            code: "anyaman-rotan", name: "Anyaman rotan", description: "Bakul, tudung saji, parsel, kursi dan keranjang rotan.",
            needs: [need("rotan", 5)], interests: ["anyaman", "kerajinan rotan"], trainingHours: 80, starterKitCost: Rupiah(2_500_000),
            products: [product("Bakul rotan", "buah", 5_000, 35_000), product("Kursi rotan", "buah", 150_000, 750_000)],
            suitability: "Sebagian besar dikerjakan sambil duduk.", figuresEstimated: true,
            source:
                "Rotan Rp 5.000/kg dari Baturaja (Pagar Alam, infosumatera.biz.id); produk Rp 100 ribu–3,5 juta (Selangit, Sumatera Ekspres); harga bakul perkiraan."
        ),
        Skill(
            code: "kerajinan-bambu", name: "Kerajinan bambu", description: "Keranjang, lampu hias, kemasan dan mebel bambu.",
            needs: [need("bambu", 5)], interests: ["anyaman", "kerajinan bambu"], trainingHours: 80, starterKitCost: Rupiah(2_500_000),
            products: [product("Keranjang bambu", "buah", 8_000, 40_000), product("Lampu hias bambu", "buah", 20_000, 120_000)],
            suitability: "Memotong dan membelah bambu butuh tenaga; menganyam bisa sambil duduk.", figuresEstimated: true, source: estimate),
        Skill(
            code: "tenun-songket", name: "Tenun songket", description: "Kain songket Palembang, termasuk pewarna alam.",
            needs: [need("benang-kain", 5, essential: false)], interests: ["tenun"], trainingHours: 200, starterKitCost: Rupiah(5_000_000),
            products: [product("Kain songket", "lembar", 300_000, 1_500_000)],
            suitability: "Dikerjakan sambil duduk di alat tenun; butuh ketelitian dan waktu belajar panjang.", figuresEstimated: true,
            source: "Harga Rp 0,8–5 juta (Muara Penimbung, Tribun Sumsel 2020; Tribun Palembang 2015); biaya benang perkiraan."),
        Skill(
            code: "kain-jumputan", name: "Kain jumputan", description: "Kain ikat-celup (jumputan) khas Palembang.",
            needs: [need("benang-kain", 4, essential: false)], interests: ["batik", "menjahit"], trainingHours: 60,
            starterKitCost: Rupiah(2_000_000), products: [product("Kain jumputan", "lembar", 150_000, 450_000)],
            suitability: "Bisa dikerjakan sambil duduk.", figuresEstimated: true, source: estimate),
        Skill(
            code: "batik", name: "Batik", description: "Batik tulis dan cap, termasuk motif setempat (durian, kopi, tengkiang).",
            needs: [need("benang-kain", 4, essential: false)], interests: ["batik"], trainingHours: 80, starterKitCost: Rupiah(3_000_000),
            products: [product("Kain batik cap", "lembar", 80_000, 300_000)],
            suitability: "Bisa dikerjakan sambil duduk.", figuresEstimated: true, source: estimate),
        Skill(
            code: "kemplang", name: "Kemplang ikan", description: "Kerupuk kemplang dari ikan gabus, dipanggang atau digoreng.",
            needs: [need("ikan-sungai", 5)], interests: ["olahan ikan", "olahan pangan"], trainingHours: 40, starterKitCost: Rupiah(2_000_000),
            products: [product("Kemplang ikan gabus", "kg", 40_000, 90_000)], figuresEstimated: true, source: estimate),
        Skill(
            code: "ikan-salai", name: "Ikan salai", description: "Ikan asap (salai) patin, baung, gabus, lais, dalam kemasan.",
            needs: [need("ikan-sungai", 5)], interests: ["olahan ikan", "olahan pangan"], trainingHours: 40, starterKitCost: Rupiah(2_000_000),
            products: [product("Ikan salai patin", "kg", 35_000, 120_000)],
            suitability: "Pekerjaan di dekat tungku pengasapan.", figuresEstimated: true,
            source: "Perkiraan: ±3 kg ikan segar menjadi 1 kg salai."),
        Skill(
            code: "ikan-asin", name: "Ikan asin", description: "Pengasinan dan penjemuran ikan laut.",
            needs: [need("ikan-laut", 5)], interests: ["olahan ikan"], trainingHours: 30, starterKitCost: Rupiah(1_500_000),
            products: [product("Ikan asin", "kg", 30_000, 60_000)], figuresEstimated: true, source: estimate),
        Skill(
            code: "pempek", name: "Pempek", description: "Pempek ikan dan cuko, beku dalam kemasan.",
            needs: [need("ikan-sungai", 4)], interests: ["olahan pangan", "olahan ikan"], trainingHours: 40, starterKitCost: Rupiah(2_500_000),
            products: [product("Pempek", "paket 10 buah", 15_000, 35_000)], figuresEstimated: true, source: estimate),
        Skill(
            code: "kopi-bubuk", name: "Kopi bubuk kemasan", description: "Sangrai, giling dan kemas kopi robusta/arabika setempat.",
            needs: [need("kopi", 5)], interests: ["olahan pangan", "perkebunan"], trainingHours: 40, starterKitCost: Rupiah(3_000_000),
            products: [product("Kopi bubuk", "bungkus 250 g", 15_000, 35_000)], figuresEstimated: true, source: estimate),
        Skill(
            code: "olahan-nanas", name: "Olahan nanas", description: "Selai, sirup dan keripik nanas.",
            needs: [need("nanas", 5)], interests: ["olahan pangan", "pertanian"], trainingHours: 40, starterKitCost: Rupiah(2_000_000),
            products: [product("Selai nanas", "botol 250 g", 8_000, 20_000), product("Keripik nanas", "bungkus 100 g", 7_000, 15_000)],
            figuresEstimated: true, source: estimate),
        Skill(
            code: "serat-nanas", name: "Serat daun nanas", description: "Benang dan serat dari limbah daun nanas.",
            needs: [need("nanas", 5)], interests: ["tenun", "pertanian"], trainingHours: 80, starterKitCost: Rupiah(3_000_000),
            products: [product("Serat daun nanas", "kg", 20_000, 150_000)], figuresEstimated: true,
            source: "Diekspor 600 kg ke Singapura (Patih Galung, rmolsumsel.id; nusakini.com); harga perkiraan."),
        Skill(
            code: "lempok-durian", name: "Lempok durian", description: "Dodol/lempok dari daging durian.",
            needs: [need("durian", 5)], interests: ["olahan pangan"], trainingHours: 24, starterKitCost: Rupiah(1_500_000),
            products: [product("Lempok durian", "bungkus 250 g", 20_000, 45_000)], figuresEstimated: true, source: estimate),
        Skill(
            code: "gula-aren", name: "Gula aren", description: "Gula aren cetak dan gula semut dari nira aren.",
            needs: [need("aren", 5)], interests: ["olahan pangan", "perkebunan"], trainingHours: 24, starterKitCost: Rupiah(1_500_000),
            products: [product("Gula aren cetak", "kg", 8_000, 25_000)], figuresEstimated: true, source: estimate),
        Skill(
            code: "kerajinan-lakuer", name: "Kerajinan lakuer", description: "Kotak, baki dan hiasan kayu berlapis lakuer khas Palembang.",
            needs: [need("kayu-tembesu", 5)], interests: ["ukir"], trainingHours: 160, starterKitCost: Rupiah(4_000_000),
            products: [product("Kotak lakuer", "buah", 50_000, 250_000)], figuresEstimated: true, source: estimate),
        Skill(
            code: "ukiran-kayu", name: "Ukiran kayu", description: "Mebel dan panel ukir Palembang.",
            needs: [need("kayu-tembesu", 5)], interests: ["ukir"], trainingHours: 200, starterKitCost: Rupiah(5_000_000),
            products: [product("Lemari ukir", "buah", 1_000_000, 4_000_000)], figuresEstimated: true,
            source: "Lemari Rp 1,5–10 juta (19 Ilir, paltv); biaya kayu perkiraan."),
        Skill(
            code: "perhiasan-logam", name: "Perhiasan emas & perak", description: "Cincin, bros dan hiasan dari emas dan perak.",
            needs: [need("logam-mulia", 5)], interests: ["kerajinan logam"], trainingHours: 200, starterKitCost: Rupiah(5_000_000),
            products: [product("Cincin perak", "buah", 100_000, 250_000)], figuresEstimated: true, source: estimate),
        Skill(
            code: "bokar-bersih", name: "Bahan olah karet bersih", description: "Penyadapan dan pengolahan lateks menjadi bokar bersih bermutu.",
            needs: [need("karet", 5)], interests: ["perkebunan", "pertanian"], trainingHours: 24, starterKitCost: Rupiah(1_500_000),
            products: [product("Bokar bersih", "kg", 6_000, 10_000)], figuresEstimated: true, source: estimate),
        Skill(
            code: "menjahit", name: "Menjahit (konveksi)", description: "Pakaian, seragam dan perlengkapan dari kain.",
            needs: [need("benang-kain", 3, essential: false)], interests: ["menjahit"], trainingHours: 120, starterKitCost: Rupiah(3_000_000),
            products: [product("Baju seragam", "potong", 60_000, 120_000)], suitability: "Dikerjakan sambil duduk.",
            figuresEstimated: true, source: estimate),
    ]

    static func potential(
        _ region: String, _ resource: String, _ abundance: Abundance, _ notes: String, _ source: String,
        season: String = "sepanjang tahun"
    ) -> Potential {
        Potential(region: RegionCode(trusted: region), resource: resource, abundance: abundance, season: season, notes: notes, source: source)
    }

    /// The established crafts of the craft-centre villages.
    public static let localCrafts: [LocalCraft] = CraftCentres.localCrafts

    /// Potentials on regions BinaUsaha ships (the province's kab/kota and the craft-centre kecamatan and desa).
    public static let potentials: [Potential] = [
        potential(
            "16.02.03", "purun", .melimpah, "8 dari 14 desa sentra tikar purun; rawa makin banyak menjadi kebun sawit",
            "daerah.sindonews.com; Tribun Palembang 2015; Tribun Sumsel 2025"),
        potential("16.02", "karet", .melimpah, "193.083 ha (BPS 2023)", "Prabumulih Pos"),
        potential("16.02.05.1006", "ikan-sungai", .melimpah, "Ikan gabus untuk kemplang", "blog widyantipsi 2012"),
        potential("16.02", "ikan-sungai", .cukup, "Kemplang tunu di Sirah Pulau Padang", "um-palembang.ac.id"),
        potential("16.10", "nanas", .melimpah, "Penghasil nanas terbesar: 4.215.919 kuintal (BPS 2022)", "Enim Ekspres; Palembang Pos"),
        potential(
            "16.10.04.2010", "benang-kain", .cukup, "Kampung Tenun Songket sejak 2010, pewarna alam", "Tribun Sumsel 2020; Tribun Palembang 2015"),
        potential("16.10.04.2008", "bambu", .cukup, "Anyaman bambu dan rotan Tanjung Sejaro", "Tribun Palembang 2022"),
        potential("16.10.04.2008", "rotan", .terbatas, "Anyaman bambu dan rotan Tanjung Sejaro", "Tribun Palembang 2022"),
        potential("16.10.02.1017", "logam-mulia", .cukup, "Sentra perhiasan emas dan perak, binaan Dekranasda", "situs sumselprov.go.id; Sumeks"),
        potential("16.10.02.2018", "purun", .cukup, "Tikar purun Tanjung Atap", "Tribunnews 2015"),
        potential("16.09", "kopi", .melimpah, "Robusta 61.616 t (2023), 89.050 ha; ±30 % kopi provinsi", "Tribun Palembang 2025; gemaberita.web.id"),
        potential("16.09", "aren", .cukup, "Gula aren sebagai alternatif usaha", "sumsel.suara.com 2025"),
        potential("16.09", "rotan", .terbatas, "Rotan hutan makin langka; anyaman rotan menurun", "sumsel.suara.com 2025"),
        potential("16.11", "kopi", .melimpah, "53.194 t, 62.126 ha (kedua terbesar)", "Tribun Palembang 2025; Enim Ekspres"),
        potential("16.03", "kopi", .melimpah, "28.650 t, termasuk Kopi Semende", "Tribun Palembang 2025; gemaberita.web.id; pojoksumsel.com 2041"),
        potential("16.03", "karet", .melimpah, "173.441 ha", "Prabumulih Pos"),
        potential("16.03", "nanas", .terbatas, "Limbah daun nanas untuk benang di Tanjung Bunut", "rmolsumsel.id"),
        potential("16.04", "kopi", .melimpah, "23.196 t, 54.032 ha", "Tribun Palembang 2025; Enim Ekspres"),
        potential("16.04", "durian", .cukup, "Lempok durian, Kec. Kikim Selatan", "Palpres", season: "Desember–Februari"),
        potential("16.72", "kopi", .melimpah, "18.214 t; merek kopi paling dikenal", "Tribun Palembang 2025; Enim Ekspres"),
        potential("16.72.04.1018", "rotan", .terbatas, "Rotan dibeli dari Baturaja (OKU) Rp 5.000/kg", "infosumatera.biz.id"),
        potential("16.01.20.2001", "bambu", .melimpah, "Kerajinan bambu Kelumpang, dirintis Karang Taruna 2021, kini ekspor", "detik.com"),
        potential("16.01", "rotan", .cukup, "Pemasok rotan untuk Pagar Alam (Baturaja)", "infosumatera.biz.id"),
        potential("16.01", "kopi", .cukup, "16.355 t", "Tribun Palembang 2025"),
        potential("16.01", "aren", .cukup, "Keranjang lidi enau di Battu Winangun, Kec. Lubuk Raja", "Sumatera Ekspres"),
        potential("16.08", "karet", .melimpah, "77.047 ha (Disbun 2023)", "Enim Ekspres"),
        potential("16.05", "karet", .melimpah, "122.021 ha", "Prabumulih Pos"),
        potential("16.05", "kopi", .cukup, "Robusta 3.227 t", "Tribun Palembang 2025"),
        potential("16.05", "rotan", .cukup, "Rotan dari Desa Suro (16.05.09.2014) dan Kec. Selangit", "Linggau Pos; Sumatera Ekspres"),
        potential("16.05.01.2017", "rotan", .terbatas, "Kerajinan menurun; rotan didatangkan dari Desa Suro", "Linggau Pos"),
        potential("16.13", "karet", .melimpah, "172.413 ha, 149.848 t (2022)", "sumsel.inews.id"),
        potential("16.06", "karet", .melimpah, "Kebun karet terluas: 211.416 ha (BPS 2023)", "Prabumulih Pos; Enim Ekspres"),
        potential("16.06.01.2002", "ikan-sungai", .melimpah, "Ikan salai patin/baung Lumpatan, kemasan BUMDes", "travel.tempo.co"),
        potential("16.06.01.2003", "ikan-sungai", .melimpah, "Ikan salai patin/baung Bailangu", "travel.tempo.co"),
        potential("16.07", "ikan-laut", .melimpah, "Perikanan Sungsang, pemasok ikan asin Palembang", "detik.com"),
        potential("16.07", "udang", .cukup, "Perikanan Sungsang", "detik.com"),
        potential("16.07", "karet", .melimpah, "103.890 ha", "Prabumulih Pos"),
        potential("16.07", "nanas", .cukup, "19.137 kuintal", "Palembang Pos"),
        potential("16.12", "karet", .melimpah, "60.375 ha (BPS)", "Prabumulih Pos"),
        potential("16.12", "nanas", .cukup, "13.424 kuintal", "Palembang Pos"),
        potential(
            "16.73", "durian", .cukup, "Motif batik dan songket durian; dodol Linggau", "Palpres; Dekranasda; wartajabar.co.id",
            season: "Desember–Februari"),
        potential("16.73", "benang-kain", .cukup, "Tiga sentra batik durian, 51 anggota", "Palpres; Dekranasda"),
        potential("16.74", "nanas", .melimpah, "Kota Nanas (varietas Queen), ±400–700 ha", "rmolsumsel.id; nusakini.com"),
        potential(
            "16.71", "benang-kain", .melimpah, "Sentra songket, jumputan, tajung, blongsong dan batik Palembang",
            "kitogalo.com; ilmuseni.com; kompasiana.com"),
        potential("16.71", "kayu-tembesu", .cukup, "Lakuer dan ukiran (19 Ilir, Lorong Antik)", "ilmuseni.com; blog diahayupuspitadewi 2011; paltv"),
        potential("16.71", "ikan-sungai", .cukup, "Ikan salai di Kertapati", "sumsel.antaranews.com"),
        potential("16.71.02.1005", "ikan-laut", .cukup, "Ikan asin Kampung Siabang, ikan dari Sungsang", "detik.com"),
    ]
}
