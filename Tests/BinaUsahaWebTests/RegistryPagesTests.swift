import BinaUsahaDomain
import BinaUsahaPersistence
import BinaUsahaTestSupport
import Foundation
import SQLKit
import Testing
import VaporTesting

@Suite("Registry pages")
struct RegistryPagesTests {
    @Test("A form with bad values comes back with Indonesian reasons and every value kept")
    func badForm() async throws {
        try await withTestApp { app in
            try await app.addDesa("16.02.03.2007")
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let response = try await app.testing().submit(
                "/beneficiaries", as: op,
                [
                    "nik": "1602033204850001", "no_kk": "1602031504120001", "nama": "Siti Aminah", "kode_desa": "16.02.03.2007",
                    "kategori_ppks": "24", "desil": "12", "alamat": "Dusun II",
                ])
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("digit tanggal lahir NIK (32) harus 01–31"))
            #expect(
                response.text.contains("desil &#39;12&#39; harus 1–10 atau kosong") || response.text.contains("desil '12' harus 1–10 atau kosong"))
            #expect(response.text.contains("value=\"Dusun II\""))
            #expect(try await FluentBeneficiaryRepository(database: app.db).count(in: nil) == 0)
        }
    }

    @Test("A good form creates the person and shows the profile with eligibility checks")
    func create() async throws {
        try await withTestApp { app in
            try await app.addDesa("16.02.03.2007", name: "Pedamaran I")
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let response = try await app.testing().submit(
                "/beneficiaries", as: op,
                [
                    "nik": "1602035204850001", "no_kk": "1602031504120001", "nama": "Siti Aminah", "kode_desa": "16.02.03.2007",
                    "kategori_ppks": "Fakir Miskin", "desil": "2", "kepala_keluarga": "ya", "minat": "anyaman",
                ])
            #expect(response.status == .ok)
            #expect(response.text.contains("Data Siti Aminah disimpan."))
            #expect(response.text.contains("Usia produktif 18–60 tahun (sekarang 41 tahun)"))
            #expect(response.text.contains("Pedamaran I"))
            #expect(response.text.contains("12 April 1985"))
        }
    }

    @Test("An edit based on an old version is refused with 409 and keeps the typed values")
    func staleEdit() async throws {
        try await withTestApp { app in
            let person = try await app.makePerson(desa: "16.02.03.2007")
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            var fields = BeneficiaryForm(person).fields
            fields["nama"] = "Siti A."
            fields["version"] = "1"
            #expect(try await app.testing().submit("/beneficiaries/\(person.id)", as: op, fields).status == .ok)
            fields["nama"] = "Siti B."
            let stale = try await app.testing().submit("/beneficiaries/\(person.id)", as: op, fields)
            #expect(stale.status == .conflict)
            #expect(stale.text.contains("Data ini sudah diubah orang lain"))
            #expect(stale.text.contains("value=\"Siti B.\""))
            #expect(try await FluentBeneficiaryRepository(database: app.db).find(id: person.id)?.details.name == "Siti A.")
        }
    }

    @Test("Names are searched by POST and never appear in a URL")
    func searchByPost() async throws {
        try await withTestApp { app in
            try await app.makePerson(desa: "16.02.03.2007", name: "Rohani Safitri")
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let response = try await app.testing().submit("/beneficiaries/search", as: op, ["name": "rohani"])
            #expect(response.text.contains("Rohani Safitri"))
            #expect(!response.text.contains("name=rohani"))
            #expect(!response.text.contains("?name="))
        }
    }

    @Test("An export is masked for a pendamping and leaves an audit record")
    func export() async throws {
        try await withTestApp { app in
            let person = try await app.makePerson(desa: "16.02.03.2007")
            let pendamping = try await app.makeUser("pend", role: .pendamping, region: "16.02.03")
            let response = try await app.testing().get("/beneficiaries/export.csv", headers: pendamping.browser)
            #expect(response.status == .ok)
            #expect(response.headers.contentType?.subType == "csv")
            #expect(!response.text.contains(person.details.nik))
            #expect(response.text.contains(PersonalDataMask.identityNumber(person.details.nik)))
            #expect(response.text.contains("Siti Aminah"))
            let exports = try await FluentAuditLog(database: app.db).search(.init(actorName: "pend")).entries.filter { $0.action == .export }
            #expect(exports.count == 1 && exports.first?.note?.hasPrefix("1 baris") == true)
        }
    }

    @Test("Likely duplicates under different NIKs are listed for review, not merged")
    func duplicates() async throws {
        try await withTestApp { app in
            let first = try await app.makePerson(desa: "16.02.03.2007", name: "Siti Aminah", nik: "1602035204850001")
            let second = try await app.makePerson(desa: "16.02.03.2007", name: "SITI AMINAH", nik: "1602035204850002")
            _ = try await app.makePerson(desa: "16.02.03.2007", name: "Rina Wati", nik: "1602035204850003", birth: "1990-01-01")
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let page = try await app.testing().get("/beneficiaries/duplicates", headers: op.browser)
            #expect(page.text.contains(first.id.uuidString) && page.text.contains(second.id.uuidString))
            #expect(page.text.contains("nama dan tanggal lahir sama"))
            #expect(!page.text.contains("Rina Wati"))
            #expect(try await FluentBeneficiaryRepository(database: app.db).count(in: nil) == 3)
        }
    }

    @Test("A web upload runs in the background, reports problems by line, and can be committed after the check")
    func webImport() async throws {
        try await withTestApp { app in
            try await app.addDesa("16.02.03.2007")
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let csv =
                "nik,no_kk,nama,kode_desa,kategori_ppks\n1602035204850001,1602031504120001,Siti,16.02.03.2007,24\n"
                + "1602035204850002,1602031504120002,Rina,16.02.03.2007,99\n"
            let boundary = "----binausaha"
            var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(op.csrf)\r\n"
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"dry_run\"\r\n\r\n1\r\n"
            body +=
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"warga.csv\"\r\nContent-Type: text/csv\r\n\r\n\(csv)\r\n"
            body += "--\(boundary)--\r\n"
            let upload = try await app.testing().sendRequest(.POST, "/beneficiaries/import", headers: op.browser) { req in
                req.headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
                req.body = ByteBuffer(string: body)
            }
            #expect(upload.status == .seeOther)
            let location = try #require(upload.headers.first(name: .location))
            let page = try await Self.waitUntilFinished(app, location, op)
            #expect(page.contains("Pemeriksaan selesai"))
            #expect(page.contains("kategori PPKS &#39;99&#39; tidak dikenal") || page.contains("kategori PPKS '99' tidak dikenal"))
            #expect(try await FluentBeneficiaryRepository(database: app.db).count(in: nil) == 0)
            let problems = try await app.testing().get(location + "/problems.csv", headers: op.browser)
            #expect(problems.text.contains("3,kategori_ppks,99,"))

            let commit = try await app.testing().submit(location + "/commit", as: op, [:])
            #expect(commit.status == .seeOther)
            let done = try await Self.waitUntilFinished(app, try #require(commit.headers.first(name: .location)), op)
            #expect(done.contains("Selesai: baris yang valid sudah disimpan."))
            #expect(try await FluentBeneficiaryRepository(database: app.db).count(in: nil) == 1)
        }
    }

    @Test("A real-sized file (5,000 rows, 0.8 MB) goes through the upload form over a real connection, CSRF field and all")
    func realSizedUpload() async throws {
        try await withTestApp { app in
            try await app.addDesa("16.02.03.2007")
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            var csv =
                "nik,no_kk,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,kode_desa,alamat,rt,rw,telepon,kategori_ppks,desil,kepala_keluarga,disabilitas,minat,bantuan_sebelumnya\n"
            for serial in 1...5_000 {
                let s = String(format: "%04d", serial % 10_000)
                let day = 41 + serial / 10_000
                csv +=
                    "160203\(day)0485\(s),1602031504\(String(format: "%06d", serial)),Warga Pedamaran Nomor \(serial),P,Kayuagung,1985-04-\(day - 40),"
                    + "16.02.03.2007,Dusun II Jalan Lintas Timur,003,001,081234567890,24,2,ya,,anyaman,KUBE:2019\n"
            }
            #expect(csv.utf8.count > 700_000)
            let boundary = "----binausaha\(UUID().uuidString)"
            var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"dry_run\"\r\n\r\n1\r\n"
            body +=
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"warga.csv\"\r\nContent-Type: text/csv\r\n\r\n\(csv)\r\n"
            // A browser sends the fields in the order of the form; the token may come last.
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(op.csrf)\r\n--\(boundary)--\r\n"
            let payload = body
            for attempt in 1...3 {
                // The client follows the redirect to the job's page, as a browser does.
                let upload = try await app.testing(method: .running(port: 0)).sendRequest(.POST, "/beneficiaries/import", headers: op.browser) {
                    req in
                    req.headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
                    req.body = ByteBuffer(string: payload)
                }
                #expect(upload.status == .ok)
                #expect(!upload.text.contains("Formulir sudah kedaluwarsa"))
                struct Job: Decodable { let id: UUID }
                let jobs = try await (app.db as! any SQLDatabase).select().column("id").from("import_jobs").orderBy("created_at")
                    .all(decoding: Job.self)
                #expect(jobs.count == attempt)
                let page = try await Self.waitUntilFinished(app, "/imports/\(try #require(jobs.last).id)", op)
                #expect(page.contains("Pemeriksaan selesai"))
                #expect(page.contains("<strong>5.000</strong>"))
            }
        }
    }

    @Test("An import whose process died is resumed by the worker from its last committed batch; one that keeps dying is given up")
    func stalledImport() async throws {
        try await withTestApp { app in
            try await app.addDesa("16.02.03.2007")
            let op = try await app.makeUser("op.oki", role: .operatorKabkota, region: "16.02")
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("stalled-\(UUID().uuidString).csv").path
            try Data(("nik,no_kk,nama,kode_desa,kategori_ppks\n1602035204850001,1602031504120001,Siti,16.02.03.2007,24\n").utf8)
                .write(to: URL(fileURLWithPath: path))
            let store = FluentImportJobStore(database: app.db)
            let died = ImportJob(
                userID: op.user.id, fileName: "warga.csv", filePath: path, dryRun: false, status: .running,
                createdAt: testNow.addingTimeInterval(-3_600), heartbeatAt: testNow.addingTimeInterval(-600), attempts: 1)
            let exhausted = ImportJob(
                userID: op.user.id, fileName: "rusak.csv", filePath: path, dryRun: true, status: .running,
                createdAt: testNow.addingTimeInterval(-3_600), heartbeatAt: testNow.addingTimeInterval(-600),
                attempts: ImportJob.maximumAttempts)
            try await store.create(died)
            try await store.create(exhausted)
            let done = try await Self.waitUntilFinished(app, "/imports/\(died.id)", op)
            #expect(done.contains("Selesai: baris yang valid sudah disimpan."))
            #expect(try await FluentBeneficiaryRepository(database: app.db).count(in: nil) == 1)
            let resumed = try #require(try await store.find(died.id))
            #expect(resumed.status == .done && resumed.attempts == 2)
            let givenUp = try #require(try await store.find(exhausted.id))
            #expect(givenUp.status == .failed && givenUp.error?.contains("terhenti berulang kali") == true)
            let page = try await app.testing().get("/imports/\(exhausted.id)", headers: op.browser).text
            #expect(!page.contains("http-equiv=\"refresh\""))
        }
    }

    static func waitUntilFinished(_ app: Application, _ path: String, _ user: TestUser) async throws -> String {
        for _ in 0..<100 {
            let page = try await app.testing().get(path, headers: user.browser).text
            if !page.contains("http-equiv=\"refresh\"") { return page }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw TestSupportError("import did not finish")
    }
}
