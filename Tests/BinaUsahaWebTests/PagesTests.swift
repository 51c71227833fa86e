import BinaUsahaTestSupport
import BinaUsahaWeb
import Testing
import VaporTesting

@Suite("Pages")
struct PagesTests {
    @Test("The home page greets in Indonesian with today's date and the module navigation")
    func home() async throws {
        try await withTestApp { app in
            let response = try await app.testing().get("/")
            #expect(response.status == .ok)
            #expect(response.headers.contentType == .html)
            let html = response.text
            #expect(html.contains("<html lang=\"id\">"))
            #expect(html.contains("Hari ini: Senin, 30 November 2026"))
            for label in ["Beranda", "Wilayah", "Penerima Manfaat", "Potensi &amp; Keterampilan", "KUBE", "Pembinaan"] {
                #expect(html.contains(label), "navigation lacks \(label)")
            }
            // what is not built is not shown, and the pendamping page is for those who record fieldwork
            #expect(!html.contains("segera hadir") && !html.contains("Laporan"))
            #expect(!html.contains("href=\"/pendamping\""))
            #expect(html.contains("<strong>17</strong>"))
            #expect(html.contains("binausaha regions import districts_16.csv"))
        }
    }

    @Test("?lang=en switches to English and remembers it in a cookie")
    func english() async throws {
        try await withTestApp { app in
            let tester = try app.testing()
            let response = try await tester.get("/regions?lang=en")
            #expect(response.text.contains("<html lang=\"en\">"))
            #expect(response.text.contains("Regions"))
            let cookie = try #require(response.headers.setCookie?["lang"])
            #expect(cookie.string == "en")
            let next = try await tester.get("/", headers: ["Cookie": "lang=en"])
            #expect(next.text.contains("Today: Monday, 30 November 2026"))
        }
    }

    @Test("The region browser walks from the province down, with breadcrumbs and child counts")
    func regionBrowser() async throws {
        try await withTestApp { app in
            let tester = try app.testing()
            let provinces = try await tester.get("/regions")
            #expect(provinces.status == .ok)
            #expect(provinces.text.contains("href=\"/regions/16\""))

            let province = try await tester.get("/regions/16")
            #expect(province.text.contains("Provinsi Sumatera Selatan"))
            #expect(province.text.contains("Kabupaten/kota di Sumatera Selatan"))
            #expect(province.text.contains("href=\"/regions/16.02\""))
            #expect(province.text.contains("Ogan Komering Ilir"))
            #expect(province.text.contains("href=\"/regions/16.74\""))

            let oki = try await tester.get("/regions/16.02")
            #expect(oki.text.contains("Kabupaten Ogan Komering Ilir"))
            #expect(oki.text.contains("<a href=\"/regions/16\">Sumatera Selatan</a>"))
            #expect(oki.text.contains("Belum ada wilayah di bawah Ogan Komering Ilir."))
            #expect(oki.text.contains("binausaha regions import districts_16.csv"))
        }
    }

    @Test("Unknown pages and regions get the friendly Indonesian 404 page", arguments: ["/tidak-ada", "/regions/16.99", "/regions/xx"])
    func notFound(path: String) async throws {
        try await withTestApp { app in
            let response = try await app.testing().get(path)
            #expect(response.status == .notFound)
            #expect(response.headers.contentType == .html)
            #expect(response.text.contains("Halaman tidak ditemukan"))
            #expect(response.text.contains("Kembali ke beranda"))
        }
    }

    @Test(
        "Every page is small enough for a cheap phone on a slow line (< 60 KB)",
        arguments: ["/", "/regions", "/regions/16", "/regions/16.02", "/nope"])
    func pageSize(path: String) async throws {
        try await withTestApp { app in
            let response = try await app.testing().get(path)
            #expect(response.body.readableBytes < 60_000)
        }
    }

    @Test("Pages carry the security headers")
    func securityHeaders() async throws {
        try await withTestApp { app in
            let response = try await app.testing().get("/")
            let csp = try #require(response.headers.first(name: "Content-Security-Policy"))
            #expect(csp.contains("frame-ancestors 'none'"))
            #expect(!csp.contains("unsafe-inline"))
            #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(response.headers.first(name: "Referrer-Policy") == "same-origin")
        }
    }

    @Test("The stylesheet is served from the package resources")
    func stylesheet() async throws {
        try await withTestApp { app in
            let response = try await app.testing().get("/css/app.css")
            #expect(response.status == .ok)
            #expect(response.text.contains(".site-header"))
        }
    }

    @Test("Every message has an Indonesian and an English text")
    func catalogueComplete() {
        #expect(Messages.missingKeys(in: .id).isEmpty)
        #expect(Messages.missingKeys(in: .en).isEmpty)
    }
}
