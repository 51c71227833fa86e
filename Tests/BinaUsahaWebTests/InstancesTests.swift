import BinaUsahaDomain
import BinaUsahaPersistence
import BinaUsahaTestSupport
import Foundation
import Synchronization
import Testing
import VaporTesting

/// Two application instances on one database (a SQLite file here, PostgreSQL in CI's second
/// pass): they share the import jobs and never run the same one twice.
@Suite("Two app instances on one database")
struct InstancesTests {
    @Test("Two instances claiming jobs at once never claim the same job")
    func claimsAreExclusive() async throws {
        // The workers are off: the test's eight claimers are the only ones.
        try await withTestApp(onDisk: true, runsJobs: false) { app in
            let owner = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let store = FluentImportJobStore(database: app.db)
            var ids: Set<UUID> = []
            for index in 0..<40 {
                let job = ImportJob(
                    userID: owner.user.id, fileName: "f\(index).csv", filePath: "/nonexistent", dryRun: true, status: .queued,
                    createdAt: testNow.addingTimeInterval(Double(index)))
                try await store.create(job)
                ids.insert(job.id)
            }
            try await withSecondInstance(of: app, runsJobs: false) { second in
                let stores: [any ImportJobStore] = [FluentImportJobStore(database: app.db), FluentImportJobStore(database: second.db)]
                let claimed = try await withThrowingTaskGroup(of: [UUID].self) { group in
                    for worker in 0..<8 {
                        let store = stores[worker % 2]
                        group.addTask {
                            var mine: [UUID] = []
                            while let job = try await store.claimNext(
                                now: testNow.addingTimeInterval(7_200), staleBefore: testNow,
                                maximumAttempts: 3)
                            {
                                mine.append(job.id)
                            }
                            return mine
                        }
                    }
                    return try await group.reduce(into: [UUID]()) { $0 += $1 }
                }
                #expect(claimed.count == 40)
                #expect(Set(claimed) == ids)
            }
        }
    }

    @Test("Both instances' workers share uploaded imports; each job runs once and the register holds each person once")
    func workersShareJobs() async throws {
        try await withTestApp(onDisk: true) { app in
            try await app.addDesa("16.02.03.2007")
            let owner = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let store = FluentImportJobStore(database: app.db)
            var ids: [UUID] = []
            for file in 0..<6 {
                var csv = "nik,no_kk,nama,kode_desa,kategori_ppks\n"
                for row in 1...50 {
                    let serial = String(format: "%04d", file * 100 + row)
                    csv += "160203520485\(serial),160203150412\(serial),Warga \(serial),16.02.03.2007,24\n"
                }
                let path = FileManager.default.temporaryDirectory.appendingPathComponent("shared-\(UUID().uuidString).csv").path
                try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
                let job = ImportJob(
                    userID: owner.user.id, fileName: "f\(file).csv", filePath: path, dryRun: false, status: .queued,
                    createdAt: testNow.addingTimeInterval(Double(file)))
                try await store.create(job)
                ids.append(job.id)
            }
            try await withSecondInstance(of: app) { _ in
                for _ in 0..<200 {
                    let jobs = try await ids.asyncMap { try await store.find($0) }
                    if jobs.allSatisfy({ $0?.status == .done }) { break }
                    try await Task.sleep(for: .milliseconds(100))
                }
            }
            for id in ids {
                let job = try #require(try await store.find(id))
                #expect(job.status == .done && job.attempts == 1 && job.report.inserted == 50)
            }
            #expect(try await FluentBeneficiaryRepository(database: app.db).count(in: nil) == 300)
            let imports = try await FluentAuditLog(database: app.db).search(.init(entity: "beneficiary", action: .import))
            #expect(imports.total == 6)
        }
    }
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
