import Foundation

/// The size and choice rules a plan follows (Permensos 2/2019 as DOMAIN.md §1.2 reads it).
public struct PlanningRules: Sendable, Equatable, Codable {
    public var targetSize: Int
    public var minimumSize: Int
    public var maximumSize: Int
    /// How many of a person's best skills the planner may choose from.
    public var optionsPerPerson: Int
    /// Skills scoring below this are not offered as a group's business.
    public var minimumScore: Double

    public static let permensosMinimum = 5
    public static let permensosMaximum = 20

    public init(targetSize: Int = 10, minimumSize: Int = 5, maximumSize: Int = 20, optionsPerPerson: Int = 3, minimumScore: Double = 30) {
        self.targetSize = targetSize
        self.minimumSize = minimumSize
        self.maximumSize = maximumSize
        self.optionsPerPerson = optionsPerPerson
        self.minimumScore = minimumScore
    }

    /// Why these rules cannot be used, in Indonesian; `nil` when they can.
    public var problem: String? {
        if minimumSize < Self.permensosMinimum || maximumSize > Self.permensosMaximum || minimumSize > maximumSize {
            return "Ukuran kelompok harus di antara \(Self.permensosMinimum) dan \(Self.permensosMaximum) KK (Permensos 2/2019)."
        }
        if !(minimumSize...maximumSize).contains(targetSize) {
            return "Target anggota per kelompok harus di antara \(minimumSize) dan \(maximumSize)."
        }
        if !(1...5).contains(optionsPerPerson) { return "Pilihan keterampilan per orang harus 1–5." }
        return nil
    }
}

/// A skill with a person's score for it.
public struct SkillScore: Sendable, Equatable, Hashable, Codable {
    public var skill: String
    public var score: Double

    public init(skill: String, score: Double) {
        self.skill = skill
        self.score = score
    }
}

/// One person the planner may place: where they live, which eligibility checks they fail, and
/// their best skills (best first).
public struct PlanCandidate: Sendable, Equatable {
    public var id: UUID
    public var noKK: String
    public var desa: RegionCode
    /// Keys of the KUBE eligibility checks not met (`age`, `head`, `prior_kube`…).
    public var failedChecks: [String]
    public var options: [SkillScore]

    public init(id: UUID, noKK: String, desa: RegionCode, failedChecks: [String], options: [SkillScore]) {
        self.id = id
        self.noKK = noKK
        self.desa = desa
        self.failedChecks = failedChecks
        self.options = options
    }

    public var kecamatan: RegionCode { desa.parent ?? desa }
}

public struct PlannedMember: Sendable, Equatable, Codable {
    public var id: UUID
    public var noKK: String
    public var desa: RegionCode
    public var failedChecks: [String]
    public var options: [SkillScore]
    /// Why an operator included a person who fails an eligibility check.
    public var overrideReason: String?

    public init(id: UUID, noKK: String, desa: RegionCode, failedChecks: [String], options: [SkillScore], overrideReason: String? = nil) {
        self.id = id
        self.noKK = noKK
        self.desa = desa
        self.failedChecks = failedChecks
        self.options = options
        self.overrideReason = overrideReason
    }

    init(_ candidate: PlanCandidate, overrideReason: String?) {
        self.init(
            id: candidate.id, noKK: candidate.noKK, desa: candidate.desa, failedChecks: candidate.failedChecks,
            options: candidate.options, overrideReason: overrideReason)
    }

    public func score(for skill: String) -> Double? { options.first { $0.skill == skill }?.score }
}

/// A proposed KUBE: one business (skill), one kecamatan, its members.
public struct PlannedGroup: Sendable, Equatable, Codable {
    public var id: UUID
    public var skill: String
    public var kecamatan: RegionCode
    public var members: [PlannedMember]

    public init(id: UUID, skill: String, kecamatan: RegionCode, members: [PlannedMember]) {
        self.id = id
        self.skill = skill
        self.kecamatan = kecamatan
        self.members = members
    }

    public var totalScore: Double { members.reduce(0) { $0 + ($1.score(for: skill) ?? 0) } }

    /// The desa most members live in (ties: lowest code).
    public var mainDesa: RegionCode? {
        let counts = Dictionary(grouping: members, by: \.desa).mapValues(\.count)
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }

    public var isSingleDesa: Bool { Set(members.map(\.desa)).count <= 1 }
}

/// Why a person is not in any proposed group.
public enum LeftOutReason: Sendable, Equatable, Codable {
    case ineligible([String])
    case familyRepresented(by: UUID)
    case noRecommendation
    case tooFew(skill: String, count: Int, place: RegionCode)
    case removedByOperator

    /// The explanation, with names supplied by the caller.
    public func text(
        _ lang: Lang, skillName: (String) -> String, placeName: (RegionCode) -> String,
        checkText: (String) -> String
    ) -> String {
        switch (self, lang) {
        case let (.ineligible(keys), .id): "Tidak memenuhi syarat: " + keys.map(checkText).joined(separator: "; ")
        case let (.ineligible(keys), .en): "Not eligible: " + keys.map(checkText).joined(separator: "; ")
        case (.familyRepresented, .id): "Keluarganya (KK) sudah diwakili anggota lain"
        case (.familyRepresented, .en): "The family (KK) is already represented by another member"
        case (.noRecommendation, .id): "Tidak ada keterampilan yang cukup cocok dengan minat dan potensi wilayahnya"
        case (.noRecommendation, .en): "No skill fits their interests and local resources well enough"
        case let (.tooFew(skill, count, place), .id): "Hanya \(count) calon anggota untuk \(skillName(skill).lowercased()) di \(placeName(place))"
        case let (.tooFew(skill, count, place), .en): "Only \(count) candidates for \(skillName(skill).lowercased()) in \(placeName(place))"
        case (.removedByOperator, .id): "Dikeluarkan dari rencana oleh operator"
        case (.removedByOperator, .en): "Removed from the plan by the operator"
        }
    }
}

public struct LeftOutPerson: Sendable, Equatable, Codable {
    public var id: UUID
    public var noKK: String
    public var desa: RegionCode
    public var failedChecks: [String]
    public var options: [SkillScore]
    public var reason: LeftOutReason

    public init(id: UUID, noKK: String, desa: RegionCode, failedChecks: [String], options: [SkillScore], reason: LeftOutReason) {
        self.id = id
        self.noKK = noKK
        self.desa = desa
        self.failedChecks = failedChecks
        self.options = options
        self.reason = reason
    }

    init(_ candidate: PlanCandidate, _ reason: LeftOutReason) {
        self.init(
            id: candidate.id, noKK: candidate.noKK, desa: candidate.desa, failedChecks: candidate.failedChecks,
            options: candidate.options, reason: reason)
    }

    init(_ member: PlannedMember, _ reason: LeftOutReason) {
        self.init(id: member.id, noKK: member.noKK, desa: member.desa, failedChecks: member.failedChecks, options: member.options, reason: reason)
    }
}
