import BinaUsahaDomain
import BinaUsahaPersistence
import BinaUsahaTestSupport
import Foundation
import Testing
import VaporTesting

/// Each role starts where its work is.
@Suite("Home page per role")
struct RoleHomeTests {
    @Test("An operator's home is the kab/kota's work queue: imports checked, sessions without attendance, KUBE waiting; none of another kab/kota")
    func operatorQueue() async throws {
        try await withTestApp { app in
            // given: in OKI a draft KUBE with two members (no treasurer), a draft KUBE with five, an active one with a past session
            // without attendance, the operator's checked import; in OKU a draft KUBE
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let people = try await app.makeWeavers(12)
            let short = try await app.makeGroup(desa: "16.02.03.2007", members: Array(people[0..<2]))
            let ready = try await app.makeGroup(desa: "16.02.03.2007", members: Array(people[2..<7]))
            let active = try await app.makeGroup(desa: "16.02.03.2007", members: Array(people[7..<12]), active: true)
            let (_, session) = try await app.makeProgrammeAndSession(kabkota: "16.02", group: active)
            let job = try await app.makeImportJob(owner: op.user.id)
            let oku = try await app.makeGroup(desa: "16.01.20.2001")

            // when
            let home = try await app.testing().sendRequest(.GET, "/", headers: op.browser)

            // then: each item links to the page that settles it, under its heading
            #expect(home.status == .ok)
            let html = home.text
            #expect(html.contains("Pekerjaan hari ini"))
            #expect(html.contains("KUBE belum lengkap pengurusnya (1)") && html.contains("/groups/\(short.id)"))
            #expect(html.contains("KUBE siap diaktifkan (1)") && html.contains("/groups/\(ready.id)"))
            #expect(html.contains("Sesi tanpa absensi (1)") && html.contains("/sessions/\(session.id)"))
            #expect(html.contains("Impor sudah diperiksa, belum disimpan (1)") && html.contains("/imports/\(job)"))
            #expect(!html.contains("/groups/\(oku.id)"))
            #expect(html.contains("12 penerima manfaat terdaftar"))
        }
    }

    @Test("A pendamping lands on their field tasks, the admin and the Kepala Dinas on counts per kab/kota, a partner on the introduction")
    func otherRoles() async throws {
        try await withTestApp { app in
            try await app.makeWeavers(3)
            try await app.makePerson(desa: "16.01.20.2001", name: "Orang OKU", nik: "1601205204850001")
            let pendamping = try await app.makeUser("pend", role: .pendamping, region: "16.02.03")
            let admin = try await app.makeUser("admin", role: .adminProvinsi, region: nil)
            let kepala = try await app.makeUser("kadis", role: .pimpinan, region: "16.02")
            let mitra = try await app.makeUser("mitra", role: .mitra, region: nil)

            let field = try await app.testing().sendRequest(.GET, "/", headers: pendamping.browser)
            #expect(field.text.contains("Tugas lapangan") && field.text.contains("<h1>"))
            let overview = try await app.testing().sendRequest(.GET, "/", headers: admin.browser)
            #expect(overview.text.contains("Ringkasan per kabupaten/kota"))
            #expect(overview.text.contains("Ogan Komering Ilir") && overview.text.contains("Ogan Komering Ulu"))
            #expect(overview.text.contains("data-label=\"Penerima manfaat\">3<") && overview.text.contains("data-label=\"Penerima manfaat\">4<"))
            let own = try await app.testing().sendRequest(.GET, "/", headers: kepala.browser)
            #expect(own.text.contains("Ogan Komering Ilir") && !own.text.contains("Ogan Komering Ulu<"))
            let partner = try await app.testing().sendRequest(.GET, "/", headers: mitra.browser)
            #expect(partner.status == .ok && !partner.text.contains("Ringkasan per kabupaten/kota") && !partner.text.contains("Pekerjaan hari ini"))
        }
    }
}
