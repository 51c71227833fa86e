import BinaUsahaDomain
import FluentKit
import Foundation
import SQLKit

extension FluentBeneficiaryRepository: PlanningPeopleSource {
    /// Streams only the columns the planner needs, so a million rows fit in memory comfortably.
    public func planningPeople(within scope: RegionCode?) async throws -> [PlanningPerson] {
        final class Collector: @unchecked Sendable {
            var people: [PlanningPerson] = []
            var failure: (any Error)?
        }
        let collector = Collector()
        var query = (database as! any SQLDatabase).select()
            .columns("id", "no_kk", "desa_code", "interests", "birth_date", "is_head", "prior_assistance", "talents", "disability", "health")
            .from(BeneficiaryRecord.schema)
            .where("status", .in, SQLBind.group([BeneficiaryStatus.calon.rawValue, BeneficiaryStatus.aktif.rawValue]))
        if let scope { query = Self.within(scope, query) }
        try await query.run { row in
            do {
                let birth = try row.decode(column: "birth_date", as: String.self)
                let id = try row.decode(column: "id", as: UUID.self)
                collector.people.append(
                    PlanningPerson(
                        id: id,
                        noKK: try row.decode(column: "no_kk", as: String.self),
                        desa: RegionCode(trusted: try row.decode(column: "desa_code", as: String.self)),
                        interests: BeneficiaryColumns.list(try row.decode(column: "interests", as: String.self)),
                        birthDate: try Stored.date(birth, "beneficiaries.birth_date", of: id),
                        isHeadOfFamily: try row.decode(column: "is_head", as: Bool.self),
                        priorKUBE: try row.decode(column: "prior_assistance", as: String.self).contains("KUBE:"),
                        talents: BeneficiaryColumns.list(try row.decode(column: "talents", as: String.self)),
                        disability: try row.decode(column: "disability", as: String.self),
                        health: BeneficiaryColumns.list(try row.decode(column: "health", as: String.self))))
            } catch {
                collector.failure = error
            }
        }
        if let failure = collector.failure { throw failure }
        return collector.people
    }
}

extension FluentBeneficiaryRepository: PersonNames {
    public func names(of ids: [UUID]) async throws -> [UUID: String] {
        struct Row: Decodable { let id: UUID, name: String }
        var result: [UUID: String] = [:]
        for chunk in ids.chunked(into: 500) {
            for row in try await (database as! any SQLDatabase).select().columns("id", "name").from(BeneficiaryRecord.schema)
                .where("id", .in, SQLBind.group(chunk)).all(decoding: Row.self)
            {
                result[row.id] = row.name
            }
        }
        return result
    }
}
