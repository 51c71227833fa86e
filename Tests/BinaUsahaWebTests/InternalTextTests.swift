import BinaUsahaDomain
import BinaUsahaTestSupport
import Foundation
import Testing
import VaporTesting

/// Pages show what people read, not what the code or the design notes call things.
@Suite("No internal text on the pages")
struct InternalTextTests {
    @Test("Region pages: a desa has no 'Provinsi di …' heading; potentials cite their sources by name, not by key")
    func regionPages() async throws {
        try await withTestApp { app in
            try await app.addCraftCentres()
            let admin = try await app.makeUser("admin", role: .adminProvinsi, region: nil)
            for path in ["/regions/16.02.03.2007", "/regions/16.02.03", "/regions/16.02", "/skills", "/skills/anyaman-purun"] {
                let page = try await app.testing().sendRequest(.GET, path, headers: admin.browser)
                #expect(page.status == .ok, "\(path)")
                #expect(!page.text.contains("Provinsi di"), "\(path)")
                #expect(!page.text.contains("DOMAIN.md") && !page.text.contains("§"), "\(path)")
                #expect(page.text.range(of: #"\bS\d{2,3}\b"#, options: .regularExpression) == nil, "\(path)")
            }
            let desa = try await app.testing().sendRequest(.GET, "/regions/16.02.03.2007", headers: admin.browser)
            #expect(desa.text.contains("<h1>Desa Pedamaran I</h1>"))
        }
    }
}
