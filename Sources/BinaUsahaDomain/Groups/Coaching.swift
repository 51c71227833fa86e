import Foundation

/// A coaching programme of one kab/kota and year, e.g. "Pembinaan Anyaman Purun OKI 2027".
public struct Programme: Sendable, Equatable {
    public var id: UUID
    public var name: String
    public var kabupatenKota: RegionCode
    public var year: Int
    public var skills: [String]
    public var targetGroups: Int
    public var targetPeople: Int
    public var budget: Rupiah
    public var startsOn: CivilDate
    public var endsOn: CivilDate
    public var partners: String
    public var groups: [UUID]
    public var version: Int

    public init(
        id: UUID = UUID(), name: String, kabupatenKota: RegionCode, year: Int, skills: [String], targetGroups: Int, targetPeople: Int,
        budget: Rupiah, startsOn: CivilDate, endsOn: CivilDate, partners: String = "", groups: [UUID] = [], version: Int = 1
    ) {
        self.id = id
        self.name = name
        self.kabupatenKota = kabupatenKota
        self.year = year
        self.skills = skills
        self.targetGroups = targetGroups
        self.targetPeople = targetPeople
        self.budget = budget
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.partners = partners
        self.groups = groups
        self.version = version
    }

    /// Checks a new or edited programme.
    public func problems() -> [GroupProblem] {
        var problems: [GroupProblem] = []
        if name.trimmingCharacters(in: .whitespaces).isEmpty { problems.append(.programmeNameRequired) }
        if kabupatenKota.level != .kabupatenKota { problems.append(.programmeKabkota) }
        if !(2000...2100).contains(year) { problems.append(.programmeYear) }
        if endsOn < startsOn { problems.append(.programmeDates) }
        if targetGroups < 0 || targetPeople < 0 || budget.amount < 0 { problems.append(.programmeNegative) }
        return problems
    }
}

public enum SessionType: String, Sendable, Codable, CaseIterable {
    case pelatihan, motivasi, pendampingan, monitoring

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.pelatihan, .id): "Pelatihan keterampilan"
        case (.motivasi, .id): "Bimbingan motivasi"
        case (.pendampingan, .id): "Pendampingan usaha"
        case (.monitoring, .id): "Monitoring / kunjungan"
        case (.pelatihan, .en): "Skills training"
        case (.motivasi, .en): "Motivation guidance"
        case (.pendampingan, .en): "Business mentoring"
        case (.monitoring, .en): "Monitoring / visit"
        }
    }
}

public enum AttendanceStatus: String, Sendable, Codable, CaseIterable {
    case hadir, izin, sakit, alpa

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.hadir, .id): "Hadir"
        case (.izin, .id): "Izin"
        case (.sakit, .id): "Sakit"
        case (.alpa, .id): "Alpa"
        case (.hadir, .en): "Present"
        case (.izin, .en): "Excused"
        case (.sakit, .en): "Sick"
        case (.alpa, .en): "Absent"
        }
    }
}

/// One coaching session for one or more groups, with its attendance roster.
public struct CoachingSession: Sendable, Equatable {
    public var id: UUID
    public var programme: UUID?
    public var type: SessionType
    /// Start, stored as an instant; shown in WIB.
    public var startsAt: Date
    public var hours: Double
    public var place: String
    public var facilitator: String
    public var topic: String
    public var skill: String?
    public var groups: [UUID]
    /// Beneficiary → status; empty until recorded.
    public var attendance: [UUID: AttendanceStatus]
    public var version: Int

    public init(
        id: UUID = UUID(), programme: UUID? = nil, type: SessionType, startsAt: Date, hours: Double, place: String, facilitator: String,
        topic: String, skill: String? = nil, groups: [UUID], attendance: [UUID: AttendanceStatus] = [:], version: Int = 1
    ) {
        self.id = id
        self.programme = programme
        self.type = type
        self.startsAt = startsAt
        self.hours = hours
        self.place = place
        self.facilitator = facilitator
        self.topic = topic
        self.skill = skill
        self.groups = groups
        self.attendance = attendance
        self.version = version
    }

    public func problems() -> [GroupProblem] {
        var problems: [GroupProblem] = []
        if groups.isEmpty { problems.append(.chooseGroups) }
        if !(0.5...24).contains(hours) { problems.append(.sessionHours) }
        if place.trimmingCharacters(in: .whitespaces).isEmpty { problems.append(.placeRequired) }
        if topic.trimmingCharacters(in: .whitespaces).isEmpty { problems.append(.topicRequired) }
        return problems
    }

    /// Replaces the whole roster. Everyone on it must be an expected member; nobody expected
    /// may be missing.
    public mutating func record(_ roster: [UUID: AttendanceStatus], expected: Set<UUID>) throws(GroupRuleError) {
        let unknown = Set(roster.keys).subtracting(expected)
        let missing = expected.subtracting(roster.keys)
        var problems: [GroupProblem] = []
        if !unknown.isEmpty { problems.append(.strangersOnRoster(unknown.count)) }
        if !missing.isEmpty { problems.append(.rosterIncomplete(missing.count)) }
        guard problems.isEmpty else { throw GroupRuleError(problems) }
        attendance = roster
    }
}

/// Share of sessions attended (hadir) out of sessions recorded; `nil` when nothing is recorded.
public func attendanceRate(_ statuses: [AttendanceStatus]) -> Double? {
    statuses.isEmpty ? nil : Double(statuses.filter { $0 == .hadir }.count) / Double(statuses.count)
}

/// `87 %` — a rate the way Indonesian reports write it.
public func formatPercent(_ rate: Double?) -> String {
    guard let rate else { return "—" }
    return "\(Int((rate * 100).rounded())) %"
}

/// Capital assistance (bantuan stimulan) paid to a group.
public struct Assistance: Sendable, Equatable {
    public enum Form: String, Sendable, Codable, CaseIterable {
        case tunai, barang
        public func label(_ lang: Lang) -> String {
            switch (self, lang) {
            case (.tunai, .id): "Tunai (rekening kelompok)"
            case (.barang, .id): "Barang"
            case (.tunai, .en): "Cash (group account)"
            case (.barang, .en): "Goods"
            }
        }
    }

    public enum Source: String, Sendable, Codable, CaseIterable {
        case apbnKemensos = "apbn_kemensos", apbdProvinsi = "apbd_provinsi", apbdKabkota = "apbd_kabkota", csr, lainnya

        public func label(_ lang: Lang) -> String {
            switch (self, lang) {
            case (.apbnKemensos, _): "APBN Kemensos"
            case (.apbdProvinsi, _): "APBD Provinsi"
            case (.apbdKabkota, _): "APBD Kab/Kota"
            case (.csr, _): "CSR"
            case (.lainnya, .id): "Lainnya"
            case (.lainnya, .en): "Other"
            }
        }
    }

    public var id: UUID
    public var group: UUID
    public var date: CivilDate
    public var amount: Rupiah
    public var form: Form
    public var source: Source
    /// Budget-plan (RAB) items for goods, one per line.
    public var rabItems: String
    public var receipt: String
    public var programme: UUID?

    public init(
        id: UUID = UUID(), group: UUID, date: CivilDate, amount: Rupiah, form: Form, source: Source, rabItems: String = "",
        receipt: String, programme: UUID? = nil
    ) {
        self.id = id
        self.group = group
        self.date = date
        self.amount = amount
        self.form = form
        self.source = source
        self.rabItems = rabItems
        self.receipt = receipt
        self.programme = programme
    }

    public func problems() -> [GroupProblem] {
        var problems: [GroupProblem] = []
        if amount.amount <= 0 { problems.append(.assistanceAmountZero) }
        if amount.amount > 10_000_000_000 { problems.append(.assistanceAmountTooLarge) }
        if receipt.trimmingCharacters(in: .whitespaces).isEmpty { problems.append(.receiptRequired) }
        if form == .barang && rabItems.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append(.rabRequired)
        }
        return problems
    }
}

/// Where programmes, sessions and assistance are stored.
public protocol CoachingRepository: Sendable {
    func insert(_ programme: Programme) async throws
    func find(programme id: UUID) async throws -> Programme?
    func update(_ programme: Programme, expectedVersion: Int) async throws -> Bool
    func programmes(within scope: RegionCode?) async throws -> [Programme]

    func insert(_ session: CoachingSession) async throws
    func find(session id: UUID) async throws -> CoachingSession?
    /// Saves the session and its whole roster if the stored version is still `expectedVersion`.
    func update(_ session: CoachingSession, expectedVersion: Int) async throws -> Bool
    func sessions(ofGroups groups: [UUID]) async throws -> [CoachingSession]
    func sessions(ofProgramme programme: UUID) async throws -> [CoachingSession]

    func insert(_ assistance: Assistance) async throws
    func assistance(ofGroups groups: [UUID]) async throws -> [Assistance]
}
