import BinaUsahaDomain
import BinaUsahaPersistence
import BinaUsahaTestSupport
import Foundation
import Testing
import VaporTesting

/// Searching by part of a NIK: the first digits list everyone whose NIK starts with them.
@Suite("Search by the first digits of a NIK")
struct NIKSearchTests {
    @Test("The first digits of a NIK list only those NIKs in the user's region, on the page and over the API")
    func prefix() async throws {
        try await withTestApp { app in
            // given: three people of OKI, two of them born on 12 April 1985, and one in Palembang with the same digits after the region
            let first = try await app.makePerson(desa: "16.02.03.2007", name: "Siti Aminah", nik: "1602035204850001")
            let second = try await app.makePerson(desa: "16.02.03.2007", name: "Rohani Safitri", nik: "1602035204850002")
            let other = try await app.makePerson(desa: "16.02.03.2007", name: "Dewi Lestari", nik: "1602036107900003")
            let palembang = try await app.makePerson(desa: "16.71.02.1001", name: "Ani Palembang", nik: "1671025204850004")
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let admin = try await app.makeUser("admin", role: .adminProvinsi, region: nil)

            // when: the operator types the first twelve digits, with a space as people do
            let page = try await app.testing().submit("/beneficiaries/search", as: op, ["nik": "1602 0352 0485"])

            // then: both people born that day are listed, the others are not, and the typed value stays
            #expect(page.status == .ok)
            #expect(page.text.contains(first.details.name) && page.text.contains(second.details.name))
            #expect(!page.text.contains(other.details.name) && !page.text.contains(palembang.details.name))
            #expect(page.text.contains("inputmode=\"numeric\"") && page.text.contains("maxlength=\"24\""))
            #expect(page.text.contains("value=\"160203520485\""))

            // and: over the API the same prefix gives the same two; the province admin's "16" finds all four
            let api = try await app.testing().sendRequest(
                .POST, "/api/v1/beneficiaries/search", headers: op.bearer, beforeRequest: { try $0.content.encode(["nik": "160203520485"]) })
            let items = try #require(try api.jsonObject()["items"] as? [[String: Any]])
            #expect(Set(items.compactMap { $0["nik"] as? String }) == [first.details.nik, second.details.nik])
            let all = try await app.testing().sendRequest(
                .POST, "/api/v1/beneficiaries/search", headers: admin.bearer, beforeRequest: { try $0.content.encode(["nik": "16"]) })
            #expect(try all.jsonObject()["total"] as? Int == 4)
        }
    }

    @Test("Letters in a NIK are refused next to the field; a masked role must type the whole NIK")
    func refused() async throws {
        try await withTestApp { app in
            // given: a person, an operator and a pendamping (who sees NIKs masked)
            let person = try await app.makePerson(desa: "16.02.03.2007", name: "Siti Aminah", nik: "1602035204850001")
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let pendamping = try await app.makeUser("pend", role: .pendamping, region: "16.02.03")

            // when/then: letters are refused with the reason next to the NIK field, and what was typed stays
            let letters = try await app.testing().submit("/beneficiaries/search", as: op, ["nik": "1602a"])
            #expect(letters.status == .badRequest)
            #expect(letters.text.contains("class=\"field-error\" id=\"nik-error\""))
            #expect(letters.text.contains("NIK hanya berisi angka"))
            #expect(letters.text.contains("value=\"1602a\"") && letters.text.contains("aria-invalid=\"true\""))
            #expect(!letters.text.contains(person.details.name))

            // and: a pendamping cannot guess a masked NIK digit by digit, on the page or over the API
            let partial = try await app.testing().submit("/beneficiaries/search", as: pendamping, ["nik": "16020352"])
            #expect(partial.status == .badRequest)
            #expect(partial.text.contains("NIK lengkap (16 digit)"))
            #expect(!partial.text.contains(person.details.name))
            let api = try await app.testing().sendRequest(
                .POST, "/api/v1/beneficiaries/search", headers: pendamping.bearer, beforeRequest: { try $0.content.encode(["nik": "16020352"]) })
            #expect(api.status == .badRequest)
            #expect((try api.jsonObject()["error"] as? [String: Any])?["code"] as? String == "bad_nik")

            // and: the whole NIK still opens the profile for the pendamping
            let whole = try await app.testing().submit("/beneficiaries/search", as: pendamping, ["nik": person.details.nik])
            #expect(whole.status == .seeOther)
            #expect(whole.headers.first(name: .location) == "/beneficiaries/\(person.id.uuidString)")
        }
    }
}
