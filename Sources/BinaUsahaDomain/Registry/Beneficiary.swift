import Foundation

/// A person the Dinas coaches (penerima manfaat / warga binaan).
public struct Beneficiary: Sendable, Equatable {
    public var id: UUID
    public var details: BeneficiaryDetails
    public var status: BeneficiaryStatus
    public var notes: String?
    /// Accepted-with-warning findings (NIK from another region, date differing from the NIK…).
    public var warnings: [RegistryWarning]
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: UUID = .timeOrdered(), details: BeneficiaryDetails, status: BeneficiaryStatus = .calon, notes: String? = nil,
        warnings: [RegistryWarning] = [], version: Int = 1, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.details = details
        self.status = status
        self.notes = notes
        self.warnings = warnings
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// What an import row or a form says about a person.
public struct BeneficiaryDetails: Sendable, Equatable, Hashable {
    public var nik: String
    public var noKK: String
    public var name: String
    public var sex: Sex
    public var birthPlace: String
    public var birthDate: CivilDate
    public var desa: RegionCode
    public var address: String
    public var rt: String
    public var rw: String
    public var phone: String
    /// PPKS numbers 1–26, sorted.
    public var ppks: [Int]
    public var decile: Int?
    public var isHeadOfFamily: Bool
    public var disability: String
    /// Interest tags (minat) from the managed vocabulary, sorted.
    public var interests: [String]
    /// What the person already knows how to make (keahlian), tags from the same vocabulary, sorted.
    public var talents: [String]
    /// Health conditions that limit the work they can do (`Limitation.health` codes), sorted.
    public var health: [String]
    public var priorAssistance: [PriorAssistance]

    public init(
        nik: String, noKK: String, name: String, sex: Sex, birthPlace: String = "", birthDate: CivilDate,
        desa: RegionCode, address: String = "", rt: String = "", rw: String = "", phone: String = "",
        ppks: [Int], decile: Int? = nil, isHeadOfFamily: Bool = false, disability: String = "",
        interests: [String] = [], priorAssistance: [PriorAssistance] = [], talents: [String] = [], health: [String] = []
    ) {
        self.nik = nik
        self.noKK = noKK
        self.name = name
        self.sex = sex
        self.birthPlace = birthPlace
        self.birthDate = birthDate
        self.desa = desa
        self.address = address
        self.rt = rt
        self.rw = rw
        self.phone = phone
        self.ppks = ppks.sorted()
        self.decile = decile
        self.isHeadOfFamily = isHeadOfFamily
        self.disability = disability
        self.interests = interests.sorted()
        self.talents = talents.sorted()
        self.health = health.sorted()
        self.priorAssistance = priorAssistance.sorted()
    }

    /// These details with the fields of `columns` (import column names) taken from `incoming`
    /// and every other field kept: an import whose header has only some columns changes only
    /// those, and leaves the rest of an existing record as it was.
    public func merging(_ incoming: BeneficiaryDetails, columns: Set<String>) -> BeneficiaryDetails {
        var merged = self
        func take<T>(_ column: String, _ field: WritableKeyPath<BeneficiaryDetails, T>) {
            if columns.contains(column) { merged[keyPath: field] = incoming[keyPath: field] }
        }
        take("nik", \.nik)
        take("no_kk", \.noKK)
        take("nama", \.name)
        take("jenis_kelamin", \.sex)
        take("tempat_lahir", \.birthPlace)
        take("tanggal_lahir", \.birthDate)
        take("kode_desa", \.desa)
        take("alamat", \.address)
        take("rt", \.rt)
        take("rw", \.rw)
        take("telepon", \.phone)
        take("kategori_ppks", \.ppks)
        take("desil", \.decile)
        take("kepala_keluarga", \.isHeadOfFamily)
        take("disabilitas", \.disability)
        take("minat", \.interests)
        take("keahlian", \.talents)
        take("kendala_kesehatan", \.health)
        take("bantuan_sebelumnya", \.priorAssistance)
        return merged
    }

    public var kecamatan: RegionCode { desa.parent! }
    public var kabupatenKota: RegionCode { desa.parent!.parent! }
}

public enum BeneficiaryStatus: String, Sendable, Codable, CaseIterable {
    case calon, aktif, mandiri, keluar

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.calon, .id): "Calon"
        case (.aktif, .id): "Aktif"
        case (.mandiri, .id): "Mandiri/lulus"
        case (.keluar, .id): "Keluar"
        case (.calon, .en): "Candidate"
        case (.aktif, .en): "Active"
        case (.mandiri, .en): "Independent/graduated"
        case (.keluar, .en): "Left"
        }
    }
}

/// Earlier help from a programme, e.g. KUBE 2019.
public struct PriorAssistance: Sendable, Equatable, Hashable, Comparable, Codable {
    public enum Programme: String, Sendable, Codable, CaseIterable { case kube = "KUBE", uep = "UEP", pena = "PENA" }
    public var programme: Programme
    public var year: Int

    public init(programme: Programme, year: Int) {
        self.programme = programme
        self.year = year
    }

    public var text: String { "\(programme.rawValue):\(year)" }

    public static func < (lhs: PriorAssistance, rhs: PriorAssistance) -> Bool {
        (lhs.year, lhs.programme.rawValue) < (rhs.year, rhs.programme.rawValue)
    }
}
