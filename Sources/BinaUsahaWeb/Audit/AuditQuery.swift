import BinaUsahaDomain
import Vapor

/// The audit filter as sent in the query string (`?user=&entity=&from=&until=&region=&page=`),
/// narrowed to what the reader may see: a reader attached to a kab/kota sees only entries
/// inside it (`RegionContainmentPolicy`), and asking for another region is refused.
struct AuditQuery: Content {
    var user: String?
    var entity: String?
    var entity_id: String?
    var from: String?
    var until: String?
    var region: String?
    var page: Int?

    enum Problem: Error {
        case badDate(String)
        case badRegion(String)
        case outsideScope
    }

    func filter(for principal: Principal) throws(Problem) -> AuditFilter {
        var requested: RegionCode?
        if let text = region?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let code = try? RegionCode(validating: text) else { throw .badRegion(text) }
            requested = code
        }
        if let requested, RegionContainmentPolicy().decide(for: principal, recordRegion: requested) != .allow {
            throw .outsideScope
        }
        let scope = requested ?? principal.region
        return AuditFilter(
            actorName: user?.trimmingCharacters(in: .whitespaces).nonEmpty,
            entity: entity?.trimmingCharacters(in: .whitespaces).nonEmpty,
            entityID: entity_id?.trimmingCharacters(in: .whitespaces).nonEmpty,
            from: try Self.day(from),
            until: try Self.day(until).map { $0.addingTimeInterval(24 * 3600) },
            region: scope,
            includeUnscoped: scope == nil,
            page: page ?? 1
        )
    }

    /// `YYYY-MM-DD` as the start of that day in WIB.
    static func day(_ text: String?) throws(Problem) -> Date? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        var components = DateComponents()
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { throw .badDate(text) }
        components.year = parts[0]
        components.month = parts[1]
        components.day = parts[2]
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = IndonesianCalendar.wib
        guard let date = calendar.date(from: components),
            calendar.component(.day, from: date) == parts[2]
        else { throw .badDate(text) }
        return date
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
