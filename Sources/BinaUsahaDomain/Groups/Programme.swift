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
