import BinaUsahaDomain
import BinaUsahaPersistence
import BinaUsahaTestSupport
import Foundation
import Testing
import VaporTesting

/// Deleting a person asks for a reason and moves them to the "Dihapus" list, from which an
/// operator of the same region restores them within 30 days.
@Suite("Soft delete and the Dihapus list")
struct DeletionTests {
    @Test("Delete with a reason → listed under Dihapus → restored with its id, back in the register and its search")
    func deleteAndRestore() async throws {
        try await withTestApp { app in
            // given: a person of OKI and its operator
            let person = try await app.makePerson(desa: "16.02.03.2007", name: "Siti \"Aminah\" <b>", nik: "1602035204850001")
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")

            // when: the operator opens the confirmation page and confirms without a reason
            let confirm = try await app.testing().sendRequest(.GET, "/beneficiaries/\(person.id)/delete", headers: op.browser)
            #expect(confirm.status == .ok)
            #expect(confirm.text.contains("name=\"reason\"") && confirm.text.contains("Siti &quot;Aminah&quot; &lt;b&gt;"))
            let empty = try await app.testing().submit("/beneficiaries/\(person.id)/delete", as: op, ["version": "1", "reason": "  ab "])

            // then: refused next to the reason field; the person is still in the register
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.text.contains("id=\"reason-error\"") && empty.text.contains("Tuliskan alasan penghapusan"))
            #expect(empty.text.contains("aria-invalid=\"true\""))
            #expect(try await FluentBeneficiaryRepository(database: app.db).find(id: person.id) != nil)

            // when: with a reason
            let done = try await app.testing().submit(
                "/beneficiaries/\(person.id)/delete", as: op, ["version": "1", "reason": "Salah input, orang yang sama dengan NIK lain"])

            // then: gone from the register (list, search, profile), listed under Dihapus with the reason and the date until which it can be restored
            #expect(done.status == .ok)
            #expect(done.text.contains("dipindahkan ke daftar Dihapus") && done.text.contains("30 Desember 2026"))
            let repository = FluentBeneficiaryRepository(database: app.db)
            #expect(try await repository.find(id: person.id) == nil)
            #expect(try await repository.find(nik: person.details.nik) == nil)
            #expect(try await app.testing().sendRequest(.GET, "/beneficiaries/\(person.id)", headers: op.browser).status == .notFound)
            let listed = try await app.testing().sendRequest(.GET, "/beneficiaries/deleted", headers: op.browser)
            #expect(listed.status == .ok)
            #expect(listed.text.contains("Siti &quot;Aminah&quot;") && listed.text.contains("Salah input, orang yang sama"))
            #expect(listed.text.contains("/beneficiaries/deleted/\(person.id)/restore"))
            let audit = try await FluentAuditLog(database: app.db).search(.init(entityID: person.id.uuidString)).entries
            #expect(audit.first?.action == .delete)
            #expect(audit.first?.changes.contains { $0.field == "alasan" && $0.after == "Salah input, orang yang sama dengan NIK lain" } == true)

            // when: restored
            let restored = try await app.testing().submit("/beneficiaries/deleted/\(person.id)/restore", as: op, [:])

            // then: the profile again, same id, next version, found by NIK, and the Dihapus list is empty
            #expect(restored.status == .ok)
            #expect(restored.text.contains("dipulihkan ke register"))
            let back = try #require(try await repository.find(nik: person.details.nik))
            #expect(back.id == person.id && back.version == 2 && back.details == person.details)
            let search = try await app.testing().submit("/beneficiaries/search", as: op, ["name": "aminah"])
            #expect(search.text.contains("/beneficiaries/\(person.id)"))
            let after = try await app.testing().sendRequest(.GET, "/beneficiaries/deleted", headers: op.browser)
            #expect(after.text.contains("Tidak ada data yang dihapus"))
            let actions = try await FluentAuditLog(database: app.db).search(.init(entityID: person.id.uuidString)).entries.map(\.action)
            #expect(actions.filter { $0 == .undelete }.count == 1 && actions.contains(.delete))
        }
    }

    @Test("Another kab/kota's operator neither sees nor restores a deleted person; a pendamping may not delete")
    func otherRegion() async throws {
        try await withTestApp { app in
            // given: a person of OKI deleted by its operator, and an operator of OKU
            let person = try await app.makePerson(desa: "16.02.03.2007", name: "Rohani", nik: "1602035204850002")
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let oku = try await app.makeUser("op.oku", role: .operatorKabkota, region: "16.01")
            let pendamping = try await app.makeUser("pend", role: .pendamping, region: "16.02.03")
            #expect(
                try await app.testing().submit("/beneficiaries/\(person.id)/delete", as: pendamping, ["version": "1", "reason": "tidak jelas"])
                    .status == .forbidden)
            let api = try await app.testing().sendRequest(
                .DELETE, "/api/v1/beneficiaries/\(person.id)?version=1&reason=pindah%20ke%20Jawa", headers: op.bearer)
            #expect(api.status == .noContent)

            // when/then: OKU's list does not show it, its restore answers 404 on the page and the API
            let list = try await app.testing().sendRequest(.GET, "/beneficiaries/deleted", headers: oku.browser)
            #expect(list.status == .ok && !list.text.contains("Rohani"))
            #expect(try await app.testing().submit("/beneficiaries/deleted/\(person.id)/restore", as: oku, [:]).status == .notFound)
            let apiRestore = try await app.testing().sendRequest(.POST, "/api/v1/beneficiaries/deleted/\(person.id)/restore", headers: oku.bearer)
            #expect(apiRestore.status == .notFound)
            #expect(try await FluentBeneficiaryRepository(database: app.db).find(id: person.id) == nil)

            // and: OKI's operator restores it over the API
            let mine = try await app.testing().sendRequest(.POST, "/api/v1/beneficiaries/deleted/\(person.id)/restore", headers: op.bearer)
            #expect(mine.status == .ok)
            #expect(try mine.jsonObject()["version"] as? Int == 2)
        }
    }

    @Test("A KUBE member cannot be deleted: the page says why and links to the group")
    func member() async throws {
        try await withTestApp { app in
            let person = try await app.makePerson(desa: "16.02.03.2007", name: "Siti Anggota", nik: "1602035204850003")
            let group = try await app.makeGroup(desa: "16.02.03.2007", members: [person])
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")

            let profile = try await app.testing().sendRequest(.GET, "/beneficiaries/\(person.id)", headers: op.browser)
            #expect(profile.text.contains("tercatat sebagai anggota") && profile.text.contains("/groups/\(group.id)"))
            #expect(!profile.text.contains("/beneficiaries/\(person.id)/delete"))
            let confirm = try await app.testing().sendRequest(.GET, "/beneficiaries/\(person.id)/delete", headers: op.browser)
            #expect(confirm.status == .conflict)
            #expect(confirm.text.contains("/groups/\(group.id)") && !confirm.text.contains("name=\"reason\""))
            let post = try await app.testing().submit(
                "/beneficiaries/\(person.id)/delete", as: op, ["version": "1", "reason": "salah input sekali"])
            #expect(post.status == .conflict)
            #expect(try await FluentBeneficiaryRepository(database: app.db).find(id: person.id) != nil)
        }
    }

    @Test("After 30 days a deleted person is no longer restorable; a NIK registered again blocks the restore")
    func expiryAndNIKTaken() async throws {
        let clock = MutableClock(testNow)
        try await withTestApp(clock: clock.clock) { app in
            let first = try await app.makePerson(desa: "16.02.03.2007", name: "Lama", nik: "1602035204850004")
            let second = try await app.makePerson(desa: "16.02.03.2007", name: "Kedua", nik: "1602035204850005")
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            for person in [first, second] {
                let r = try await app.testing().submit(
                    "/beneficiaries/\(person.id)/delete", as: op, ["version": "1", "reason": "salah input sekali"])
                #expect(r.status == .ok)
            }

            // when: the second's NIK is registered again, restoring it is refused with the reason
            _ = try await app.makePerson(desa: "16.02.03.2007", name: "Kedua Baru", nik: "1602035204850005")
            let taken = try await app.testing().submit("/beneficiaries/deleted/\(second.id)/restore", as: op, [:])
            #expect(taken.status == .conflict)
            #expect(taken.text.contains("NIK"))

            // when: 31 days pass, the list no longer shows the first and restoring it answers 422
            clock.advance(by: 31 * 86_400)
            let later = try await app.makeUser("op.oki.later", role: .operatorKabkota, region: "16.02")  // a session of that day
            let list = try await app.testing().sendRequest(.GET, "/beneficiaries/deleted", headers: later.browser)
            #expect(!list.text.contains("Lama"))
            let late = try await app.testing().submit("/beneficiaries/deleted/\(first.id)/restore", as: later, [:])
            #expect(late.status == .unprocessableEntity)
            #expect(late.text.contains("lebih dari 30 hari"))

            // and: the next deletion erases what is older than 30 days
            let third = try await app.makePerson(desa: "16.02.03.2007", name: "Ketiga", nik: "1602035204850006")
            _ = try await app.testing().submit("/beneficiaries/\(third.id)/delete", as: later, ["version": "1", "reason": "salah input sekali"])
            let repository = FluentBeneficiaryRepository(database: app.db)
            #expect(try await repository.deleted(id: first.id) == nil)
            #expect(try await repository.deleted(id: third.id) != nil)
        }
    }

    @Test("Two people deleting the same record at once: one moves it, the other is told it changed; never an error page")
    func twoDeleters() async throws {
        try await withTestApp(onDisk: true) { app in
            for round in 0..<5 {
                let person = try await app.makePerson(
                    desa: "16.02.03.2007", name: "Ganda \(round)", nik: "160203520485\(String(format: "%04d", 100 + round))")
                let op = try await app.makeUser("op.oki.\(round)", role: .operatorKabkota, region: "16.02")
                let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                    for _ in 0..<2 {
                        group.addTask {
                            try await app.testing().submit(
                                "/beneficiaries/\(person.id)/delete", as: op, ["version": "1", "reason": "salah input ganda"]
                            ).status.code
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(statuses.filter { $0 == 200 }.count == 1, "\(statuses)")
                #expect(statuses.allSatisfy { [200, 404, 409].contains($0) }, "\(statuses)")
                #expect(try await FluentBeneficiaryRepository(database: app.db).deleted(id: person.id)?.beneficiary.version == 1)
            }
        }
    }
}
