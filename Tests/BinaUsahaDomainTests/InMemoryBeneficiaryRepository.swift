import BinaUsahaDomain
import Foundation

/// Beneficiaries in a dictionary. `failAfterSaves` simulates a process killed mid-import:
/// the save that would exceed it throws before writing anything (like a rolled-back transaction).
actor InMemoryBeneficiaryRepository: BeneficiaryRepository {
    var people: [String: Beneficiary] = [:]
    var failAfterSaves: Int?
    var saves = 0

    struct Killed: Error {}

    func setFailAfter(_ saves: Int?) { failAfterSaves = saves }

    func existing(niks: [String]) async throws -> [String: Beneficiary] { people.filter { niks.contains($0.key) } }

    func save(inserting: [Beneficiary], updating: [Beneficiary]) async throws {
        if let limit = failAfterSaves, saves >= limit { throw Killed() }
        saves += 1
        for person in inserting + updating { people[person.details.nik] = person }
    }

    func find(id: UUID) async throws -> Beneficiary? { people.values.first { $0.id == id } }
    func find(nik: String) async throws -> Beneficiary? { people[nik] }
    func family(noKK: String) async throws -> [Beneficiary] { people.values.filter { $0.details.noKK == noKK } }
    func search(_ query: BeneficiaryQuery) async throws -> BeneficiaryPage { BeneficiaryPage(items: Array(people.values), total: people.count) }
    func update(_ beneficiary: Beneficiary, expectedVersion: Int) async throws -> Bool {
        guard people[beneficiary.details.nik]?.version == expectedVersion else { return false }
        people[beneficiary.details.nik] = beneficiary
        return true
    }
    func delete(id: UUID) async throws { people = people.filter { $0.value.id != id } }
    func likelyDuplicates(in scope: RegionCode?, limit: Int) async throws -> [DuplicateCandidate] { [] }
    func count(in scope: RegionCode?) async throws -> Int { people.count }
}

actor InMemoryAuditLog: AuditLog {
    var entries: [AuditEntry] = []
    func append(_ entry: AuditEntry) async throws { entries.append(entry) }
    func search(_ filter: AuditFilter) async throws -> AuditPage { AuditPage(entries: entries, total: entries.count) }
}
