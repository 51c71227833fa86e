import BinaUsahaDomain
import FluentKit
import Foundation
import SQLKit

/// Loads the shipped resources, skills and potentials (`StartingCatalogue`) into a new database.
/// Potentials whose region does not exist yet are applied when it arrives
/// (`FluentPotentialRepository.applyStartingPotentials`).
struct SeedStartingCatalogue: AsyncMigration {
    var name: String { "0012_seed_starting_catalogue" }

    func prepare(on database: any Database) async throws {
        let potentials = FluentPotentialRepository(database: database)
        let skills = FluentSkillRepository(database: database)
        for resource in StartingCatalogue.resources { _ = try await potentials.saveResource(resource) }
        // The columns and tables of later migrations do not exist yet: 0027 adds the suitability
        // rules and the crafts.
        for skill in StartingCatalogue.skills { try await skills.insertLegacy(skill) }
        try await potentials.applyStartingPotentialsOnly()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for table in ["potentials", "skills", "resources", "settings"] { try await sql.delete(from: table).run() }
    }
}
