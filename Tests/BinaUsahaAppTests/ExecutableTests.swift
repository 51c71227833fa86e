import BinaUsahaTestSupport
import Foundation
import Testing

@Suite("The binausaha executable")
struct ExecutableTests {
    @Test("Started from another directory, it serves its pages, stylesheet and a fresh SQLite database")
    func servesFromAnywhere() async throws {
        // given: an empty working directory far from the package
        let directory = try BinaryProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let port = Int.random(in: 20_000...40_000)
        // when
        let server = try await BinaryProcess.serve(in: directory, port: port)
        defer { server.terminate() }
        let (home, homeResponse) = try await BinaryProcess.fetch("http://127.0.0.1:\(port)/")
        let (css, cssResponse) = try await BinaryProcess.fetch("http://127.0.0.1:\(port)/css/app.css")
        let (health, _) = try await BinaryProcess.fetch("http://127.0.0.1:\(port)/health")
        // then
        #expect(homeResponse.statusCode == 200 && home.contains("Beranda"))
        #expect(cssResponse.statusCode == 200 && css.contains(".site-header"))
        #expect(health.contains("\"database\":\"sqlite\""))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("binausaha.sqlite").path))
    }

    @Test("regions import reports rejected lines and loads the good ones")
    func importCommand() throws {
        let directory = try BinaryProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("kecamatan.csv")
        try "code,regency_code,name\n16.02.03,16.02,Pedamaran\n16.02.3,16.02,Rusak\n".write(to: file, atomically: true, encoding: .utf8)

        let result = try BinaryProcess.run(["regions", "import", file.path, "--db", "data.sqlite"], in: directory)

        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("baru: 1"))
        #expect(result.output.contains("ditolak: 1"))
        #expect(result.output.contains("baris 3"))
        #expect(result.output.contains("kecamatan 1"))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("data.sqlite").path))
    }

    @Test("users create reads the password from standard input; tokens create prints a token that opens the API")
    func usersAndTokens() async throws {
        let directory = try BinaryProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // when
        let created = try BinaryProcess.run(
            [
                "users", "create", "--username", "op.oki", "--role", "operator_kabkota",
                "--region", "16.02",
            ], in: directory, input: "kata-sandi-rahasia\n")
        let refused = try BinaryProcess.run(
            ["users", "create", "--username", "op.x", "--role", "operator_kabkota"],
            in: directory, input: "kata-sandi-rahasia\n")
        let token = try BinaryProcess.run(["tokens", "create", "--username", "op.oki"], in: directory)
        // then
        #expect(created.status == 0, "\(created.error)")
        #expect(created.output.contains("Pengguna op.oki dibuat"))
        #expect(refused.status != 0)
        #expect((refused.output + refused.error).contains("Peran Operator kabupaten/kota harus diberi wilayah."))
        let secret = try #require(token.output.split(separator: "\n").last.map(String.init))
        #expect(secret.hasPrefix("bu_"))

        let port = Int.random(in: 40_001...60_000)
        let server = try await BinaryProcess.serve(in: directory, port: port)
        defer { server.terminate() }
        let (me, response) = try await BinaryProcess.fetch(
            "http://127.0.0.1:\(port)/api/v1/me",
            headers: ["Authorization": "Bearer \(secret)"])
        #expect(response.statusCode == 200)
        #expect(me.contains("\"username\":\"op.oki\""))
    }

    @Test("A fresh serve with no users prints how to create the first admin")
    func firstAdminHint() throws {
        let directory = try BinaryProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // An address that cannot be bound makes serve stop right after start-up, after printing the hint.
        let result = try BinaryProcess.run(["serve", "--port", "0", "--hostname", "256.0.0.1"], in: directory)
        #expect(result.output.contains("binausaha users create --username admin --role admin_provinsi"))
    }

    @Test("import beneficiaries: a dry run changes nothing, the real run imports good rows and writes the problems beside the file")
    func importBeneficiaries() throws {
        let directory = try BinaryProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // given: the demo villages, and a file with one good and one bad row
        let demo = try BinaryProcess.run(["demo", "--people", "20"], in: directory)
        #expect(demo.status == 0, "\(demo.error)")
        let file = directory.appendingPathComponent("warga.csv")
        try
            ("nik;no_kk;nama;kode_desa;kategori_ppks\n1602035204850901;1602031504120901;Siti Aminah;16.02.03.2007;24\n"
            + "1602035204850902;1602031504120902;Rina;16.02.03.2007;Orang Kaya\n").write(to: file, atomically: true, encoding: .utf8)
        // when
        let check = try BinaryProcess.run(["import", "beneficiaries", file.path, "--dry-run"], in: directory)
        let real = try BinaryProcess.run(["import", "beneficiaries", file.path], in: directory)
        let again = try BinaryProcess.run(["import", "beneficiaries", file.path], in: directory)
        // then
        #expect(check.status == 0, "\(check.error)")
        #expect(check.output.contains("baru 1") && check.output.contains("Tidak ada yang disimpan"))
        #expect(real.output.contains("baris 2 · baru 1 · diperbarui 0 · tidak berubah 0 · ditolak 1"))
        #expect((real.output + real.error).contains("baris 3 [kategori_ppks] \"Orang Kaya\": kategori PPKS 'Orang Kaya' tidak dikenal"))
        #expect(again.output.contains("baru 0 · diperbarui 0 · tidak berubah 1"))
        let problems = try String(contentsOf: directory.appendingPathComponent("warga-masalah.csv"), encoding: .utf8)
        #expect(problems.contains("3,kategori_ppks,Orang Kaya,"))
    }

    @Test("plan-groups prints the proposed groups and the reasons people are left out, and saves a draft on request")
    func planGroups() throws {
        let directory = try BinaryProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let demo = try BinaryProcess.run(["demo", "--people", "600"], in: directory)
        #expect(demo.status == 0, "\(demo.error)")
        let plan = try BinaryProcess.run(["plan-groups", "--region", "16.02.03", "--save"], in: directory)
        #expect(plan.status == 0, "\(plan.error)")
        #expect(plan.output.contains("Anyaman purun · Kec. Pedamaran"))
        #expect(plan.output.contains("Tidak memenuhi syarat: bukan kepala keluarga"))
        #expect(plan.output.contains("Draf rencana disimpan: /plans/"))
        let unknown = try BinaryProcess.run(["plan-groups", "--region", "16.99"], in: directory)
        #expect(unknown.status != 0)
        #expect((unknown.output + unknown.error).contains("Kode wilayah \"16.99\" tidak dikenal."))
        let badSize = try BinaryProcess.run(["plan-groups", "--region", "16.02.03", "--target-size", "30"], in: directory)
        #expect((badSize.output + badSize.error).contains("Target anggota per kelompok harus bilangan 5–20."))
    }

    @Test("A file that is not UTF-8 is refused with one clear message")
    func importNotUTF8() throws {
        let directory = try BinaryProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("latin1.csv")
        try
            (Data("nik,no_kk,nama,kode_desa,kategori_ppks\n1602035204850901,1602031504120901,Fran".utf8) + Data([0xE7])
            + Data("ois,16.02.03.2007,24\n".utf8))
            .write(to: file)
        let result = try BinaryProcess.run(["import", "beneficiaries", file.path], in: directory)
        #expect(result.status != 0)
        #expect(result.error.contains("berkas bukan teks UTF-8 (pertama kali di baris 2)"))
    }

    @Test("A configuration error stops start-up with one message naming the variable")
    func configurationError() throws {
        let directory = try BinaryProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try BinaryProcess.run(["serve"], in: directory, environment: ["PORT": "delapan"])
        #expect(result.status == 2)
        #expect(result.error.contains("PORT"))
        #expect(result.error.split(separator: "\n").count == 1)
    }
}

@Suite("An import interrupted by killing the server")
struct KilledImportTests {
    @Test("kill -9 in the middle of a web import; after the restart the import resumes and ends with exactly the rows of a clean run")
    func resumesAfterKill() async throws {
        let directory = try BinaryProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let seeded = try BinaryProcess.run(["demo", "--people", "10"], in: directory)
        #expect(seeded.status == 0, "\(seeded.error)")
        let token =
            try BinaryProcess.run(["tokens", "create", "--username", "operator.oki"], in: directory).output
            .split(separator: "\n").last.map(String.init) ?? ""
        // 12,000 people in Pedamaran I, every hundredth row broken
        var csv = "nik,no_kk,nama,jenis_kelamin,tanggal_lahir,kode_desa,kategori_ppks\n"
        var good = 0
        for serial in 1...12_000 {
            let day = 41 + serial / 10_000
            let nik = "160203\(day)0486\(String(format: "%04d", serial % 10_000 == 0 ? 1 : serial % 10_000))"
            if serial % 100 == 0 {
                csv += "\(nik),rusak,Baris Rusak \(serial),P,1986-04-\(day - 40),16.02.03.2007,24\n"
            } else {
                csv += "\(nik),1602031504\(String(format: "%06d", serial)),Warga \(serial),P,1986-04-\(day - 40),16.02.03.2007,24\n"
                good += 1
            }
        }
        let environment = ["BINAUSAHA_JOB_STALL_SECONDS": "2", "BINAUSAHA_UPLOADS": directory.appendingPathComponent("uploads").path]
        let port = Int.random(in: 20_000...40_000)
        var server = try await BinaryProcess.serve(in: directory, port: port, environment: environment)
        let browser = BrowserSession(base: "http://127.0.0.1:\(port)")
        try await browser.signIn("operator.oki", password: "binausaha-demo")
        let upload = try await browser.upload("/beneficiaries/import", file: "warga.csv", contents: Data(csv.utf8))
        #expect(upload.status == 303)
        let job = try #require(upload.location)
        // when: killed once the first batches are committed
        var killed = false
        for _ in 0..<600 {
            let page = try await browser.get(job).text
            let inserted = page.firstMatch(of: /<strong>([0-9.]+)<\/strong><span>Baru<\/span>/).flatMap {
                Int($0.1.replacingOccurrences(of: ".", with: ""))
            }
            if let inserted, inserted >= 2_000 {
                kill(server.processIdentifier, SIGKILL)
                server.waitUntilExit()
                killed = true
                break
            }
            #expect(!page.contains("Selesai"), "the import finished before it could be killed")
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(killed)
        // then: restarted, the worker resumes it
        server = try await BinaryProcess.serve(in: directory, port: port, environment: environment)
        defer { server.terminate() }
        var final = ""
        for _ in 0..<600 {
            final = try await browser.get(job).text
            if final.contains("Selesai: baris yang valid sudah disimpan.") { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(final.contains("Selesai: baris yang valid sudah disimpan."))
        // exactly a clean run's counts: resumed from the checkpoint, not started again
        #expect(good == 11_880)
        #expect(final.contains("<strong>11.880</strong><span>Baru</span>"))
        #expect(final.contains("<strong>0</strong><span>Tidak berubah</span>"))
        #expect(final.contains("<strong>120</strong><span>Ditolak</span>"))
        let (list, _) = try await BinaryProcess.fetch(
            "http://127.0.0.1:\(port)/api/v1/beneficiaries?region=16.02.03.2007",
            headers: ["Authorization": "Bearer \(token)"])
        let total = try #require((try JSONSerialization.jsonObject(with: Data(list.utf8)) as? [String: Any])?["total"] as? Int)
        #expect(total >= good && total <= good + 10)
    }
}
