import BinaUsahaDomain
import Foundation

/// Generates realistic, valid beneficiary rows in given villages: Indonesian names, NIKs whose
/// prefix, birth date, sex and serial agree, families sharing a KK. Deterministic per seed.
public struct PeopleGenerator: Sendable {
    public struct Village: Sendable {
        public var code: RegionCode
        /// Interests typical of the village's crafts, most likely first.
        public var interests: [String]

        public init(code: RegionCode, interests: [String] = []) {
            self.code = code
            self.interests = interests
        }
    }

    static let maleNames = [
        "Ahmad", "Muhammad", "Rudi", "Hendra", "Budi", "Agus", "Dedi", "Joko", "Syahrul", "Rizki", "Fajar",
        "Andi", "Iwan", "Yusuf", "Arif", "Hasan", "Ilham", "Zulkifli", "Sudirman", "Herman", "Darmawan",
        "Firdaus", "Amir", "Bambang", "Eko", "Slamet", "Samsul", "Rahmat", "Taufik", "Wahyu", "Marzuki",
        "Kgs. Abdullah", "Mgs. Umar", "Ujang", "Suparman", "Asnawi",
    ]
    static let femaleNames = [
        "Siti", "Nur", "Sri", "Dewi", "Rina", "Yuliana", "Fitri", "Aminah", "Rohani", "Maryam", "Lestari",
        "Nurhayati", "Rosmala", "Halimah", "Zubaidah", "Kartini", "Endang", "Susanti", "Ratna", "Yanti",
        "Erna", "Marlina", "Sari", "Mega", "Indah", "Puspita", "Aisyah", "Nyayu Fatimah", "Cik Ani", "Rusmini",
    ]
    static let familyNames = [
        "Saputra", "Hidayat", "Pratama", "Wijaya", "Gunawan", "Kurniawan", "Setiawan", "Susanto", "Ramadhan",
        "Firmansyah", "Rahman", "Hakim", "Syahputra", "Effendi", "Harun", "Ismail", "Yusuf", "Zainal",
        "Anwar", "Husin", "Rasyid", "Mahmud",
    ]
    static let femaleFamilyNames = [
        "Fitriani", "Rahmawati", "Sulastri", "Anggraini", "Maharani", "Wulandari", "Handayani",
        "Kusuma", "Purnamasari", "Safitri", "Oktaviani", "Yuliani",
    ]
    static let birthPlaces = [
        "Palembang", "Kayuagung", "Baturaja", "Lahat", "Muara Enim", "Sekayu", "Lubuk Linggau",
        "Prabumulih", "Pagar Alam", "Indralaya", "Martapura", "Muaradua", "Tebing Tinggi", "Pangkalan Balai",
    ]
    static let disabilities = ["fisik", "sensorik netra", "sensorik rungu", "intelektual"]

    public let villages: [Village]
    public let today: CivilDate
    var random: SeededRandom
    var serials: [String: Int] = [:]
    var familySerials: [String: Int] = [:]
    var pendingFamily: [(kk: String, desa: Village, familyName: String)] = []

    public init(villages: [Village], today: CivilDate, seed: UInt64 = 2026) {
        precondition(!villages.isEmpty, "at least one village")
        self.villages = villages
        self.today = today
        random = SeededRandom(seed: seed)
    }

    /// One CSV row (in `BeneficiaryRowValidator.columns` order). Families of 1–4 people share a KK.
    public mutating func nextRow() -> [String] {
        let isNewFamily = pendingFamily.isEmpty || Int.random(in: 0..<10, using: &random) < 6
        let family: (kk: String, desa: Village, familyName: String)
        if isNewFamily {
            let village = villages.randomElement(using: &random)!
            family = (makeKK(village.code), village, Self.familyNames.randomElement(using: &random)!)
            pendingFamily = [family]
        } else {
            family = pendingFamily[0]
        }
        let woman = Int.random(in: 0..<100, using: &random) < 55
        let first = (woman ? Self.femaleNames : Self.maleNames).randomElement(using: &random)!
        let last = woman ? Self.femaleFamilyNames.randomElement(using: &random)! : family.familyName
        let age = Int.random(in: 18...64, using: &random)
        let birth = CivilDate(
            year: today.year - age - 1, month: Int.random(in: 1...12, using: &random),
            day: Int.random(in: 1...28, using: &random))!
        let nik = makeNIK(family.desa.code, birth: birth, woman: woman)
        var ppks = ["24"]
        if woman, Int.random(in: 0..<4, using: &random) == 0 { ppks.append("23") }
        let disabled = Int.random(in: 0..<20, using: &random) == 0
        if disabled { ppks.append("9") }
        if Int.random(in: 0..<50, using: &random) == 0 { ppks = ["15"] }
        var interests: [String] = []
        if let main = family.desa.interests.first, Int.random(in: 0..<10, using: &random) < 7 { interests.append(main) }
        if family.desa.interests.count > 1, Int.random(in: 0..<3, using: &random) == 0 {
            interests.append(family.desa.interests.randomElement(using: &random)!)
        }
        if interests.isEmpty || Int.random(in: 0..<4, using: &random) == 0 {
            interests.append(["pertanian", "perdagangan", "olahan pangan", "menjahit", "peternakan"].randomElement(using: &random)!)
        }
        let decile = Int.random(in: 0..<10, using: &random) == 0 ? "" : String(Int.random(in: 1...4, using: &random))
        let head = isNewFamily && !woman || Int.random(in: 0..<6, using: &random) == 0
        let prior =
            Int.random(in: 0..<15, using: &random) == 0
            ? "\(["KUBE", "UEP", "PENA"].randomElement(using: &random)!):\(Int.random(in: 2016...2025, using: &random))" : ""
        let phone =
            Int.random(in: 0..<3, using: &random) == 0
            ? "" : "08\(Int.random(in: 11...13, using: &random))\(Int.random(in: 10_000_000...99_999_999, using: &random))"
        // Drawn last, so that the fields above stay as earlier demos made them.
        let talents = Int.random(in: 0..<10, using: &random) < 3 ? family.desa.interests.first ?? "" : ""
        let healthDraw = Int.random(in: 0..<40, using: &random)
        let health = healthDraw == 0 ? "pernapasan" : healthDraw == 1 ? "angkat-berat" : ""
        return [
            nik, family.kk, "\(first) \(last)", woman ? "P" : "L", Self.birthPlaces.randomElement(using: &random)!, birth.iso,
            family.desa.code.rawValue, "Dusun \(Int.random(in: 1...6, using: &random))",
            String(format: "%03d", Int.random(in: 1...12, using: &random)),
            String(format: "%03d", Int.random(in: 1...5, using: &random)), phone, Array(Set(ppks)).sorted().joined(separator: ";"), decile,
            head ? "ya" : "tidak", disabled ? Self.disabilities.randomElement(using: &random)! : "",
            Array(Set(interests)).sorted().joined(separator: ";"), prior, talents, health,
        ]
    }

    mutating func makeNIK(_ desa: RegionCode, birth: CivilDate, woman: Bool) -> String {
        let prefix = desa.parent!.digits
        let date = String(format: "%02d%02d%02d", birth.day + (woman ? 40 : 0), birth.month, birth.year % 100)
        let key = prefix + date
        let serial = (serials[key] ?? 0) + 1
        serials[key] = serial
        return key + String(format: "%04d", serial)
    }

    mutating func makeKK(_ desa: RegionCode) -> String {
        let prefix = desa.parent!.digits
        let recorded = CivilDate(
            year: Int.random(in: 2005...2025, using: &random), month: Int.random(in: 1...12, using: &random),
            day: Int.random(in: 1...28, using: &random))!
        let key = prefix + String(format: "%02d%02d%02d", recorded.day, recorded.month, recorded.year % 100)
        let serial = (familySerials[key] ?? 0) + 1
        familySerials[key] = serial
        return key + String(format: "%04d", serial)
    }

    public static var header: String { CSVText.line(BeneficiaryRowValidator.columns) }
}
