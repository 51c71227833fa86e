import Foundation

/// A Kelompok Usaha Bersama: one business (skill), one kecamatan, its members and officers.
public struct KUBEGroup: Sendable, Equatable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// Being formed; may be outside the 5–20 range; never coached or funded as a KUBE yet.
        case draft
        case aktif
        /// Dissolved; its history stays.
        case bubar

        public func label(_ lang: Lang) -> String {
            switch (self, lang) {
            case (.draft, .id): "Draf"
            case (.aktif, .id): "Aktif"
            case (.bubar, .id): "Bubar"
            case (.draft, .en): "Draft"
            case (.aktif, .en): "Active"
            case (.bubar, .en): "Dissolved"
            }
        }
    }

    public var id: UUID
    public var name: String
    public var skill: String
    public var kecamatan: RegionCode
    public var desa: RegionCode
    public var formedOn: CivilDate?
    public var decreeNumber: String
    public var status: Status
    public var stage: KUBEStage
    public var pendamping: UUID?
    public var checklist: Set<StageIndicator>
    /// The plan it was created from, if any.
    public var planID: UUID?
    public var version: Int
    public var members: [Membership]

    public init(
        id: UUID = UUID(), name: String, skill: String, kecamatan: RegionCode, desa: RegionCode, formedOn: CivilDate? = nil,
        decreeNumber: String = "", status: Status = .draft, stage: KUBEStage = .tumbuh, pendamping: UUID? = nil,
        checklist: Set<StageIndicator> = [], planID: UUID? = nil, version: Int = 1, members: [Membership] = []
    ) {
        self.id = id
        self.name = name
        self.skill = skill
        self.kecamatan = kecamatan
        self.desa = desa
        self.formedOn = formedOn
        self.decreeNumber = decreeNumber
        self.status = status
        self.stage = stage
        self.pendamping = pendamping
        self.checklist = checklist
        self.planID = planID
        self.version = version
        self.members = members
    }

    public var activeMembers: [Membership] { members.filter(\.isActive) }
}

/// One person's place in a group. Members leave with a date and reason; they are never deleted.
public struct Membership: Sendable, Equatable, Codable {
    public var beneficiary: UUID
    public var noKK: String
    public var desa: RegionCode
    public var role: MemberRole
    public var joinedOn: CivilDate
    public var leftOn: CivilDate?
    public var leaveReason: String?

    public init(
        beneficiary: UUID, noKK: String, desa: RegionCode, role: MemberRole = .anggota, joinedOn: CivilDate,
        leftOn: CivilDate? = nil, leaveReason: String? = nil
    ) {
        self.beneficiary = beneficiary
        self.noKK = noKK
        self.desa = desa
        self.role = role
        self.joinedOn = joinedOn
        self.leftOn = leftOn
        self.leaveReason = leaveReason
    }

    public var isActive: Bool { leftOn == nil }
}

public enum MemberRole: String, Sendable, Codable, CaseIterable {
    case ketua, sekretaris, bendahara, anggota

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.ketua, .id): "Ketua"
        case (.sekretaris, .id): "Sekretaris"
        case (.bendahara, .id): "Bendahara"
        case (.anggota, .id): "Anggota"
        case (.ketua, .en): "Chair"
        case (.sekretaris, .en): "Secretary"
        case (.bendahara, .en): "Treasurer"
        case (.anggota, .en): "Member"
        }
    }

    public static let officers: [MemberRole] = [.ketua, .sekretaris, .bendahara]
}

/// Development stages (tipologi KUBE, DOMAIN.md §1.5).
public enum KUBEStage: String, Sendable, Codable, CaseIterable, Comparable {
    case tumbuh, berkembang, maju

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.tumbuh, .id): "Tumbuh"
        case (.berkembang, .id): "Berkembang"
        case (.maju, .id): "Maju/mandiri"
        case (.tumbuh, .en): "Growing"
        case (.berkembang, .en): "Developing"
        case (.maju, .en): "Advanced/independent"
        }
    }

    var order: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (lhs: KUBEStage, rhs: KUBEStage) -> Bool { lhs.order < rhs.order }

    /// The indicators a group shows at this stage (DOMAIN.md §1.5, abridged).
    public var indicators: [StageIndicator] { StageIndicator.allCases.filter { $0.stage == self } }
}

/// The evidence checklist of DOMAIN.md §1.5.
public enum StageIndicator: String, Sendable, Codable, CaseIterable, Comparable {
    // tumbuh
    case hasPendamping = "has_pendamping", trainingDone = "training_done", officersFormed = "officers_formed"
    case assistanceReceived = "assistance_received", nameboard
    // berkembang
    case rolesRunning = "roles_running", profitForCapital = "profit_capital", profitForWelfare = "profit_welfare", iksSetAside = "iks"
    case resultsFelt = "results_felt"
    // maju
    case capitalGrowing = "capital_growing", iksForNeighbours = "iks_neighbours", businessLinks = "business_links"
    case wellManaged = "well_managed"

    public var stage: KUBEStage {
        switch self {
        case .hasPendamping, .trainingDone, .officersFormed, .assistanceReceived, .nameboard: .tumbuh
        case .rolesRunning, .profitForCapital, .profitForWelfare, .iksSetAside, .resultsFelt: .berkembang
        case .capitalGrowing, .iksForNeighbours, .businessLinks, .wellManaged: .maju
        }
    }

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.hasPendamping, .id): "Memiliki pendamping"
        case (.trainingDone, .id): "Sudah mendapat pelatihan"
        case (.officersFormed, .id): "Pengurus dan organisasi terbentuk"
        case (.assistanceReceived, .id): "Sudah menerima bantuan UEP"
        case (.nameboard, .id): "Memiliki papan nama"
        case (.rolesRunning, .id): "Kegiatan berjalan sesuai peran pengurus"
        case (.profitForCapital, .id): "Keuntungan disisihkan untuk modal"
        case (.profitForWelfare, .id): "Keuntungan disisihkan untuk kesejahteraan anggota"
        case (.iksSetAside, .id): "Menyisihkan Iuran Kesetiakawanan Sosial (IKS)"
        case (.resultsFelt, .id): "Hasil usaha dirasakan anggota"
        case (.capitalGrowing, .id): "Keuntungan dan modal terus bertambah"
        case (.iksForNeighbours, .id): "IKS untuk anggota, keluarga miskin lain dan lingkungan"
        case (.businessLinks, .id): "Kemitraan saling menguntungkan dengan lembaga ekonomi/usaha"
        case (.wellManaged, .id): "UEP dikelola dengan baik"
        case (.hasPendamping, .en): "Has a pendamping"
        case (.trainingDone, .en): "Training done"
        case (.officersFormed, .en): "Officers and organisation formed"
        case (.assistanceReceived, .en): "UEP assistance received"
        case (.nameboard, .en): "Has a nameboard"
        case (.rolesRunning, .en): "Activities run by the officers' roles"
        case (.profitForCapital, .en): "Profit set aside for capital"
        case (.profitForWelfare, .en): "Profit set aside for members' welfare"
        case (.iksSetAside, .en): "Social solidarity contribution (IKS) set aside"
        case (.resultsFelt, .en): "Members feel the results"
        case (.capitalGrowing, .en): "Profit and capital growing"
        case (.iksForNeighbours, .en): "IKS for members, other poor families and neighbours"
        case (.businessLinks, .en): "Mutually beneficial business links"
        case (.wellManaged, .en): "UEP well managed"
        }
    }

    public static func < (lhs: StageIndicator, rhs: StageIndicator) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A recorded move between stages: who decided, when, why, and the checklist at the time.
public struct StageChange: Sendable, Equatable {
    public var group: UUID
    public var from: KUBEStage
    public var to: KUBEStage
    public var at: Date
    public var by: String
    public var reason: String
    public var checklist: Set<StageIndicator>

    public init(group: UUID, from: KUBEStage, to: KUBEStage, at: Date, by: String, reason: String, checklist: Set<StageIndicator>) {
        self.group = group
        self.from = from
        self.to = to
        self.at = at
        self.by = by
        self.reason = reason
        self.checklist = checklist
    }
}
