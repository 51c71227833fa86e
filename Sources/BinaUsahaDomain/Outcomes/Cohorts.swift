import Foundation

/// The office's evidence of what works: for each programme, skill or kab/kota, its members'
/// income per capita at their first and latest assessment, how many graduated, and how many
/// of its groups formed a year ago or more are still active.
public enum Cohorts {
    public enum Breakdown: String, Sendable, CaseIterable {
        case kabupatenKota = "kabkota"
        case skill
        case programme
    }

    public struct Row: Sendable, Equatable {
        public var key: String
        public var members = 0
        /// Members with at least two assessments: their first and latest are compared.
        public var followed = 0
        public var incomeBefore: Rupiah?
        public var incomeAfter: Rupiah?
        public var graduated = 0
        public var groupsAYearOld = 0
        public var groupsStillActive = 0

        public init(key: String) { self.key = key }

        public var graduationRate: Double? { members > 0 ? Double(graduated) / Double(members) : nil }
        public var survivalRate: Double? { groupsAYearOld > 0 ? Double(groupsStillActive) / Double(groupsAYearOld) : nil }
    }

    public static func compute(
        by breakdown: Breakdown, groups: [KUBEGroup], programmes: [Programme], assessments: [Assessment], graduations: [Graduation],
        today: CivilDate
    ) -> [Row] {
        let byPerson = Dictionary(grouping: assessments, by: \.beneficiary).mapValues { $0.sorted { $0.date < $1.date } }
        let graduated = Set(graduations.map(\.beneficiary))
        let yearAgo = CivilDate(year: today.year - 1, month: today.month, day: min(today.day, 28))!
        var keysOfGroup: [UUID: [String]] = [:]
        for group in groups {
            switch breakdown {
            case .kabupatenKota: keysOfGroup[group.id] = [(group.kecamatan.parent ?? group.kecamatan).rawValue]
            case .skill: keysOfGroup[group.id] = [group.skill]
            case .programme: keysOfGroup[group.id] = programmes.filter { $0.groups.contains(group.id) }.map { $0.id.uuidString }
            }
        }
        var rows: [String: Row] = [:]
        var before: [String: [Int64]] = [:]
        var after: [String: [Int64]] = [:]
        var counted: [String: Set<UUID>] = [:]
        for group in groups where group.status != .draft {
            for key in keysOfGroup[group.id] ?? [] {
                var row = rows[key] ?? Row(key: key)
                if let formed = group.formedOn, formed <= yearAgo {
                    row.groupsAYearOld += 1
                    if group.status == .aktif { row.groupsStillActive += 1 }
                }
                for member in group.members where counted[key, default: []].insert(member.beneficiary).inserted {
                    row.members += 1
                    if graduated.contains(member.beneficiary) { row.graduated += 1 }
                    if let seen = byPerson[member.beneficiary], seen.count >= 2 {
                        row.followed += 1
                        before[key, default: []].append(seen.first!.incomePerCapita.amount)
                        after[key, default: []].append(seen.last!.incomePerCapita.amount)
                    }
                }
                rows[key] = row
            }
        }
        func mean(_ values: [Int64]?) -> Rupiah? {
            guard let values, !values.isEmpty else { return nil }
            return Rupiah(values.reduce(0, +) / Int64(values.count))
        }
        return rows.values.map { row in
            var row = row
            row.incomeBefore = mean(before[row.key])
            row.incomeAfter = mean(after[row.key])
            return row
        }.sorted { $0.key < $1.key }
    }
}
