import Foundation

/// An organisation that supports KUBE groups: a company's CSR, a bank, an NGO, a university…
public struct Partner: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case csrPerusahaan = "csr_perusahaan", bumn, lsm, bankKur = "bank_kur", perguruanTinggi = "perguruan_tinggi"
        case koperasiBumdes = "koperasi_bumdes", marketplaceToko = "marketplace_toko", instansiPemerintah = "instansi_pemerintah"
        case dekranasda

        public func label(_ lang: Lang) -> String {
            switch (self, lang) {
            case (.csrPerusahaan, .id): "CSR perusahaan"
            case (.csrPerusahaan, .en): "Company CSR"
            case (.bumn, _): "BUMN"
            case (.lsm, .id): "LSM"
            case (.lsm, .en): "NGO"
            case (.bankKur, .id): "Bank / KUR"
            case (.bankKur, .en): "Bank / KUR credit"
            case (.perguruanTinggi, .id): "Perguruan tinggi"
            case (.perguruanTinggi, .en): "University"
            case (.koperasiBumdes, .id): "Koperasi / BUMDes"
            case (.koperasiBumdes, .en): "Cooperative / village enterprise"
            case (.marketplaceToko, .id): "Marketplace / toko"
            case (.marketplaceToko, .en): "Marketplace / shop"
            case (.instansiPemerintah, .id): "Instansi pemerintah"
            case (.instansiPemerintah, .en): "Government agency"
            case (.dekranasda, _): "Dekranasda"
            }
        }
    }

    public var id: UUID
    public var name: String
    public var kind: Kind
    public var contactName: String
    public var contactPhone: String
    public var email: String
    /// The kab/kota it works in.
    public var regions: [RegionCode]
    /// `mitra` accounts that act for it.
    public var accounts: [UUID]
    public var version: Int

    public init(
        id: UUID = UUID(), name: String, kind: Kind, contactName: String = "", contactPhone: String = "", email: String = "",
        regions: [RegionCode], accounts: [UUID] = [], version: Int = 1
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.contactName = contactName
        self.contactPhone = contactPhone
        self.email = email
        self.regions = regions
        self.accounts = accounts
        self.version = version
    }

    public func problems() -> [PartnerProblem] {
        var problems: [PartnerProblem] = []
        let name = TextFolding.trim(self.name)
        if name.isEmpty { problems.append(.nameRequired) }
        if name.count > 120 || contactName.count > 120 || email.count > 120 { problems.append(.textTooLong) }
        if !contactPhone.isEmpty, !(contactPhone.count >= 8 && contactPhone.count <= 15 && contactPhone.allSatisfy({ $0.isASCIIDigit || $0 == "+" }))
        {
            problems.append(.badPhone)
        }
        if !email.isEmpty, !(email.contains("@") && email.contains(".") && !email.contains(" ")) { problems.append(.badEmail) }
        if regions.isEmpty || regions.contains(where: { $0.level != .kabupatenKota }) { problems.append(.chooseRegions) }
        return problems
    }
}

/// What a partner promised: money, equipment, training, mentoring, buying the products, credit.
public struct Commitment: Sendable, Equatable {
    public enum SupportType: String, Sendable, Codable, CaseIterable {
        case dana, peralatan, pelatihan, pendampingan, offtake, kredit

        public func label(_ lang: Lang) -> String {
            switch (self, lang) {
            case (.dana, .id): "Dana"
            case (.dana, .en): "Funds"
            case (.peralatan, .id): "Peralatan"
            case (.peralatan, .en): "Equipment"
            case (.pelatihan, .id): "Pelatihan / pelatih"
            case (.pelatihan, .en): "Training / trainers"
            case (.pendampingan, .id): "Pendampingan"
            case (.pendampingan, .en): "Mentoring"
            case (.offtake, .id): "Offtake / pemasaran"
            case (.offtake, .en): "Offtake / marketing"
            case (.kredit, .id): "Kredit"
            case (.kredit, .en): "Credit"
            }
        }
    }

    public var id: UUID
    public var partner: UUID
    public var type: SupportType
    public var description: String
    /// The value promised, in Rupiah (equipment and training at their value).
    public var value: Rupiah
    /// What is promised counted in things, when it is things: 20 looms, 3 trainers.
    public var quantity: Int?
    public var unit: String
    public var startsOn: CivilDate
    public var endsOn: CivilDate
    public var kabupatenKota: RegionCode
    public var programme: UUID?
    /// The groups it supports, all in its kab/kota.
    public var groups: [UUID]
    public var version: Int

    public init(
        id: UUID = UUID(), partner: UUID, type: SupportType, description: String, value: Rupiah, quantity: Int? = nil, unit: String = "",
        startsOn: CivilDate, endsOn: CivilDate, kabupatenKota: RegionCode, programme: UUID? = nil, groups: [UUID], version: Int = 1
    ) {
        self.id = id
        self.partner = partner
        self.type = type
        self.description = description
        self.value = value
        self.quantity = quantity
        self.unit = unit
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.kabupatenKota = kabupatenKota
        self.programme = programme
        self.groups = groups
        self.version = version
    }

    public func problems() -> [PartnerProblem] {
        var problems: [PartnerProblem] = []
        if TextFolding.trim(description).isEmpty { problems.append(.descriptionRequired) }
        if description.count > 300 { problems.append(.textTooLong) }
        if value.amount <= 0 { problems.append(.valueRequired) }
        if value.amount > 100_000_000_000 { problems.append(.valueTooLarge) }
        if endsOn < startsOn { problems.append(.periodBackwards) }
        if let quantity, !(1...10_000_000).contains(quantity) { problems.append(.quantityRange) }
        if quantity != nil, TextFolding.trim(unit).isEmpty { problems.append(.unitRequired) }
        if unit.count > 30 { problems.append(.textTooLong) }
        return problems
    }

    /// `20 alat tenun`, or nothing when counted in Rupiah only.
    public var quantityText: String? { quantity.map { "\($0) \(unit)" } }
}

/// Part of a commitment delivered: its value on a date.
public struct Realisation: Sendable, Equatable {
    public var id: UUID
    public var commitment: UUID
    public var date: CivilDate
    public var value: Rupiah
    public var note: String
    public var recordedBy: String

    public init(id: UUID = UUID(), commitment: UUID, date: CivilDate, value: Rupiah, note: String, recordedBy: String) {
        self.id = id
        self.commitment = commitment
        self.date = date
        self.value = value
        self.note = note
        self.recordedBy = recordedBy
    }
}

/// A commitment with what has been delivered of it.
public struct CommitmentStatus: Sendable, Equatable {
    public var commitment: Commitment
    public var realisations: [Realisation]

    public init(commitment: Commitment, realisations: [Realisation]) {
        self.commitment = commitment
        self.realisations = realisations
    }

    public var realised: Rupiah { Rupiah(realisations.reduce(0) { $0 + $1.value.amount }) }
    public var outstanding: Rupiah { Rupiah(commitment.value.amount - realised.amount) }
}
