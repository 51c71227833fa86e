import BinaUsahaDomain
import FluentKit
import Foundation
import SQLKit

public struct FluentInterestRepository: InterestRepository {
    let database: any Database

    public init(database: any Database) { self.database = database }

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
