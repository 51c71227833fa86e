import BinaUsahaDomain
import FluentKit
import Foundation
import SQLKit

public struct FluentInterestRepository: InterestRepository {
    let base: any Database
    /// The database, or the connection of the unit of work this task is in.
    var database: any Database { base.current }

    public init(database: any Database) { base = database }

    public func all() async throws -> [String] {
        struct Row: Decodable { let tag: String }
        return try await (database as! any SQLDatabase).select().column("tag").from("interest_tags").orderBy("tag")
            .all(decoding: Row.self).map(\.tag)
    }

    public func add(_ tag: String) async throws -> Bool {
        let folded = TextFolding.fold(tag)
        guard !folded.isEmpty, try await !all().contains(folded) else { return false }
        try await (database as! any SQLDatabase).insert(into: "interest_tags").columns("tag", "created_at")
            .values(SQLBind(folded), SQLBind(Date())).run()
        return true
    }
}
