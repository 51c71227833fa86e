import BinaUsahaDomain
import BinaUsahaPersistence
import BinaUsahaTestSupport
import Foundation
import Testing
import VaporTesting

/// Hostile values in every text field a person can fill in, then every page of the site
/// rendered and parsed: no element or attribute appears that the templates did not write.
@Suite("Hostile text on every page")
struct HostileTextTests {
    static let redirect = "Ani\"><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/x\">"
    static let focus = "x\" autofocus onfocus=\"alert(1)"
    static let textarea = "</textarea><b>tebal</b>"
    static let script = "'><script>alert(1)</script><img src=x onerror=alert(2)>"

    @Test("Every page with hostile values in every text field renders only the elements and attributes its template writes")
    func everyPage() async throws {
        try await withTestApp { app in
            // given: hostile text in every free-text field, stored as an import or a form could store it
            try await app.addDesa("16.02.03.2007", name: Self.script)
            let admin = try await app.makeUser("admin", role: .adminProvinsi, region: nil)
            var person = try await app.makePerson(desa: "16.02.03.2007", name: Self.redirect, nik: "1602035204850001", noKK: "1602031504120001")
            person.details.address = Self.focus
            person.details.birthPlace = Self.textarea
            person.details.disability = Self.script
            person.notes = Self.focus
            person.version = 2
            #expect(try await FluentBeneficiaryRepository(database: app.db).update(person, expectedVersion: 1))
            let others = try await app.makeWeavers(5, first: 10)
            var group = try await app.makeGroup(desa: "16.02.03.2007", members: [person] + others, active: true)
            group.name = Self.redirect
            group.decreeNumber = Self.focus
            group.version = 2
            #expect(try await FluentGroupRepository(database: app.db).update(group, expectedVersion: 1))
            let programme = try await CoachingWrites(transactor: app.transactor, clock: .fixed(testNow)).createProgramme(
                .init(
                    name: Self.textarea, kabupatenKota: "16.02", year: 2026, skills: ["anyaman-purun"], targetGroups: 1, targetPeople: 5,
                    budget: Rupiah(1_000_000), startsOn: CivilDate(year: 2026, month: 1, day: 1)!, endsOn: CivilDate(year: 2026, month: 12, day: 31)!,
                    partners: Self.redirect, groups: [group.id]), by: admin.user.principal)
            let session = try await CoachingWrites(transactor: app.transactor, clock: .fixed(testNow)).scheduleSession(
                .init(
                    programme: programme.id, type: .pelatihan, startsAt: testNow.addingTimeInterval(-86_400), hours: 2, place: Self.focus,
                    facilitator: Self.textarea, topic: Self.redirect, groups: [group.id]), by: admin.user.principal)
            try await CoachingWrites(transactor: app.transactor, clock: .fixed(testNow)).recordAssistance(
                Assistance(
                    group: group.id, date: CivilDate(year: 2026, month: 11, day: 1)!, amount: Rupiah(5_000_000), form: .barang, source: .csr,
                    rabItems: Self.script, receipt: Self.redirect, programme: programme.id), by: admin.user.principal)
            let plan = try await app.makePlan(scope: "16.02", members: others)
            var job = ImportJob(
                userID: admin.user.id, fileName: Self.redirect, filePath: "/nonexistent", dryRun: true, status: .done,
                createdAt: testNow, finishedAt: testNow)
            job.messages = [
                ImportMessage(
                    ImportProblem<BeneficiaryRowProblem>(line: 2, column: "nama", value: Self.focus, reason: .nameTooLong),
                    isWarning: false)
            ]
            try await FluentImportJobStore(database: app.db).create(job)
            var user = try #require(try await FluentUserRepository(database: app.db).find(username: "admin"))
            user.displayName = Self.redirect
            try await FluentUserRepository(database: app.db).update(user)

            // when: every page is rendered
            let ids = [
                "beneficiaries": person.id.uuidString, "groups": group.id.uuidString, "sessions": session.id.uuidString,
                "programmes": programme.id.uuidString, "plans": plan.id.uuidString, "imports": job.id.uuidString,
                "users": admin.user.id.uuidString, "regions": "16.02.03.2007", "skills": "anyaman-purun",
            ]
            var pages: [(String, TestingHTTPResponse)] = []
            for route in app.routes.all where route.method == .GET {
                let path = "/" + route.path.map(\.description).joined(separator: "/")
                guard !path.hasPrefix("/api/"), path != "/health", !path.hasSuffix(".csv") else { continue }
                let kind = route.path.first?.description == "admin" ? "users" : route.path.first?.description ?? ""
                let concrete = "/" + route.path.map { $0.description.hasPrefix(":") ? ids[kind] ?? "x" : $0.description }.joined(separator: "/")
                pages.append((concrete, try await app.testing().get(concrete, headers: admin.browser)))
            }
            // and every form that shows back what was typed
            pages.append(("POST /beneficiaries/search", try await app.testing().submit("/beneficiaries/search", as: admin, ["name": Self.focus])))
            pages.append(
                (
                    "POST /beneficiaries",
                    try await app.testing().submit(
                        "/beneficiaries", as: admin,
                        [
                            "nik": Self.focus, "nama": Self.redirect, "alamat": Self.textarea, "tempat_lahir": Self.script,
                            "kode_desa": "16.02.03.2007",
                        ])
                ))
            pages.append(("POST /groups", try await app.testing().submit("/groups", as: admin, ["name": Self.redirect, "decree": Self.focus])))
            pages.append(
                (
                    "POST /sessions",
                    try await app.testing().submit(
                        "/sessions", as: admin,
                        [
                            "topic": Self.redirect, "place": Self.focus, "facilitator": Self.textarea, "date": "2026-11-01", "time": "09:00",
                            "hours": "2",
                        ])
                ))
            pages.append(
                (
                    "POST /login",
                    try await app.testing().sendRequest(
                        .POST, "/login",
                        beforeRequest: { req in
                            req.headers.replaceOrAdd(name: "Cookie", value: "bu_csrf=t0ken")
                            try req.content.encode(
                                ["username": Self.focus, "password": "x", "next": "/\(Self.redirect)", "_csrf": "t0ken"], as: .urlEncodedForm)
                        })
                ))

            // then
            #expect(pages.count > 25)
            for (path, response) in pages {
                #expect(response.status.code < 500, "\(path): \(response.status)")
                for problem in HTMLTags.problems(in: response.text) { Issue.record("\(path): \(problem)") }
                if response.status.code >= 500 { Issue.record("\(path): \(response.text.prefix(300))") }
            }
            let profile = try #require(pages.first { $0.0 == "/beneficiaries/\(person.id.uuidString)" }).1
            #expect(HTMLTags.text(of: profile.text).contains(Self.redirect))
        }
    }

    @Test("The checker itself finds each injection in unescaped markup")
    func checkerFindsInjections() {
        for hostile in [Self.redirect, Self.focus, Self.textarea, Self.script] {
            let unsafe =
                "<html><head><title>\(hostile)</title></head><body><input value=\"\(hostile)\"><input value='\(hostile)'><textarea>\(hostile)</textarea></body></html>"
            #expect(!HTMLTags.problems(in: unsafe).isEmpty, "\(hostile)")
            let safe = "<html><body><input value=\"\(HTMLTags.escape(hostile))\"><p>\(HTMLTags.escape(hostile))</p></body></html>"
            #expect(HTMLTags.problems(in: safe).isEmpty, "\(hostile)")
        }
    }
}

/// A small HTML tokenizer for tests: start tags with their attributes (quoted either way or
/// not at all), end tags, text; the contents of `script`, `style`, `textarea` and `title` are
/// read as text up to their end tag, as browsers do.
enum HTMLTags {
    struct Tag {
        var name: String
        var attributes: [(name: String, value: String)]
    }

    static let forbiddenElements: Set<String> = ["script", "b", "img", "iframe", "object", "embed", "base", "style", "svg", "frame", "form2"]

    /// What a page has that none of our templates writes.
    static func problems(in html: String) -> [String] {
        var problems: [String] = []
        var ourScripts = 0
        for tag in tags(in: html) {
            // The layout's one script tag, exactly as it writes it; any other is injected.
            if tag.name == "script", tag.attributes.map(\.name) == ["src", "defer"], tag.attributes[0].value == "/js/app.js" {
                ourScripts += 1
                if ourScripts > 1 { problems.append("a second <script src=/js/app.js>") }
                continue
            }
            if forbiddenElements.contains(tag.name) { problems.append("element <\(tag.name)>") }
            for attribute in tag.attributes {
                if attribute.name.hasPrefix("on") || ["autofocus", "srcdoc", "formaction", "style", "src"].contains(attribute.name) {
                    problems.append("attribute \(attribute.name) on <\(tag.name)>")
                }
                if ["href", "action", "src", "formaction"].contains(attribute.name), attribute.value.contains("evil.example") {
                    problems.append("\(attribute.name)=\"\(attribute.value)\" on <\(tag.name)>")
                }
            }
            if tag.name == "meta" {
                let names = Set(tag.attributes.map(\.name))
                let equiv = tag.attributes.first { $0.name == "http-equiv" }?.value
                let content = tag.attributes.first { $0.name == "content" }?.value
                let allowed = names == ["charset"] || (names == ["name", "content"]) || (equiv == "refresh" && content == "2")
                if !allowed { problems.append("meta \(tag.attributes.map { "\($0.name)=\($0.value)" })") }
            }
        }
        return problems
    }

    static func tags(in html: String) -> [Tag] {
        var result: [Tag] = []
        let chars = Array(html.unicodeScalars)
        var i = 0
        func peek(_ offset: Int = 0) -> Unicode.Scalar? { i + offset < chars.count ? chars[i + offset] : nil }
        func isSpace(_ c: Unicode.Scalar?) -> Bool { c.map { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\u{0C}" } ?? false }
        while i < chars.count {
            guard chars[i] == "<" else {
                i += 1
                continue
            }
            if peek(1) == "!" {
                while i < chars.count, chars[i] != ">" { i += 1 }
                continue
            }
            if peek(1) == "/" {
                while i < chars.count, chars[i] != ">" { i += 1 }
                continue
            }
            guard let first = peek(1), first.properties.isAlphabetic else {
                i += 1
                continue
            }
            i += 1
            var name = ""
            while let c = peek(), !isSpace(c), c != ">", c != "/" {
                name.unicodeScalars.append(c)
                i += 1
            }
            var tag = Tag(name: name.lowercased(), attributes: [])
            while i < chars.count {
                while isSpace(peek()) || peek() == "/" { i += 1 }
                guard let c = peek(), c != ">" else {
                    i += 1
                    break
                }
                var attribute = ""
                while let c = peek(), !isSpace(c), c != "=", c != ">", c != "/" {
                    attribute.unicodeScalars.append(c)
                    i += 1
                }
                var value = ""
                while isSpace(peek()) { i += 1 }
                if peek() == "=" {
                    i += 1
                    while isSpace(peek()) { i += 1 }
                    if let quote = peek(), quote == "\"" || quote == "'" {
                        i += 1
                        while let c = peek(), c != quote {
                            value.unicodeScalars.append(c)
                            i += 1
                        }
                        i += 1
                    } else {
                        while let c = peek(), !isSpace(c), c != ">" {
                            value.unicodeScalars.append(c)
                            i += 1
                        }
                    }
                }
                if !attribute.isEmpty { tag.attributes.append((attribute.lowercased(), unescape(value))) }
            }
            result.append(tag)
            if ["script", "style", "textarea", "title"].contains(tag.name) {
                // raw text up to the matching end tag
                let end = Array("</\(tag.name)".unicodeScalars)
                while i < chars.count {
                    if Array(chars[i..<min(i + end.count, chars.count)]).map({ Character($0).lowercased() }).joined()
                        == String(String.UnicodeScalarView(end))
                    {
                        break
                    }
                    i += 1
                }
            }
        }
        return result
    }

    /// The page's text with tags removed and entities read.
    static func text(of html: String) -> String {
        unescape(html.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression))
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }
}
