import BinaUsahaDomain
import Fluent
import Vapor

extension API {
    /// A beneficiary as the API shows it to one user (masked like the pages).
    struct BeneficiaryResponse: Content {
        var id: UUID
        var nik: String
        var no_kk: String
        var nama: String
        var jenis_kelamin: String
        var tempat_lahir: String
        var tanggal_lahir: String
        var kode_desa: String
        var alamat: String?
        var rt: String?
        var rw: String?
        var telepon: String?
        var kategori_ppks: [Int]
        var desil: Int?
        var kepala_keluarga: Bool
        var disabilitas: String
        var minat: [String]
        var keahlian: [String]
        /// Health conditions; only for those who see the person's personal data.
        var kendala_kesehatan: [String]?
        var bantuan_sebelumnya: [String]
        var status: String
        var catatan: String?
        var peringatan: [String]
        var version: Int
        var masked: Bool

        init(_ b: Beneficiary, principal: Principal) {
            let d = b.details
            let sees = principal.seesPersonalData(in: d.desa)
            id = b.id
            nik = sees ? d.nik : PersonalDataMask.identityNumber(d.nik)
            no_kk = sees ? d.noKK : PersonalDataMask.identityNumber(d.noKK)
            nama = d.name
            jenis_kelamin = d.sex.rawValue
            tempat_lahir = d.birthPlace
            tanggal_lahir = d.birthDate.iso
            kode_desa = d.desa.rawValue
            alamat = sees ? d.address : nil
            rt = sees ? d.rt : nil
            rw = sees ? d.rw : nil
            telepon = d.phone.isEmpty ? nil : (sees ? d.phone : PersonalDataMask.phone(d.phone))
            kategori_ppks = d.ppks
            desil = d.decile
            kepala_keluarga = d.isHeadOfFamily
            disabilitas = d.disability
            minat = d.interests
            keahlian = d.talents
            kendala_kesehatan = sees ? d.health : nil
            bantuan_sebelumnya = d.priorAssistance.map(\.text)
            status = b.status.rawValue
            catatan = b.notes
            peringatan = b.warnings.map(\.rawValue)
            version = b.version
            masked = !sees
        }
    }

    struct BeneficiaryListResponse: Content {
        var total: Int
        var page: Int
        var items: [BeneficiaryResponse]
    }

    /// Create/update body: the import columns, plus `status`, `catatan` and (for updates) `version`.
    struct BeneficiaryInput: Content {
        var nik, no_kk, nama, jenis_kelamin, tempat_lahir, tanggal_lahir, kode_desa, alamat, rt, rw, telepon: String?
        var kategori_ppks, desil, kepala_keluarga, disabilitas, minat, bantuan_sebelumnya, keahlian, kendala_kesehatan: String?
        var status, catatan: String?
        var version: Int?

        var form: BeneficiaryForm {
            let pairs: [(String, String?)] = [
                ("nik", nik), ("no_kk", no_kk), ("nama", nama), ("jenis_kelamin", jenis_kelamin), ("tempat_lahir", tempat_lahir),
                ("tanggal_lahir", tanggal_lahir), ("kode_desa", kode_desa), ("alamat", alamat), ("rt", rt), ("rw", rw),
                ("telepon", telepon), ("kategori_ppks", kategori_ppks), ("desil", desil), ("kepala_keluarga", kepala_keluarga),
                ("disabilitas", disabilitas), ("minat", minat), ("bantuan_sebelumnya", bantuan_sebelumnya),
                ("keahlian", keahlian), ("kendala_kesehatan", kendala_kesehatan),
            ]
            return BeneficiaryForm(
                fields: Dictionary(uniqueKeysWithValues: pairs.compactMap { key, value in value.map { (key, $0) } }),
                status: status, notes: catatan)
        }
    }

    struct SearchRequest: Content {
        var name: String?
        /// A whole NIK or its first digits.
        var nik: String?
        var region: String?
        var ppks: Int?
        var desil: Int?
        var status: String?
        var minat: String?
        var page: Int?
    }

    struct LookupRequest: Content { var nik: String }

    struct ImportProblemResponse: Content {
        var line: Int
        var column: String?
        var value: String?
        var message: String
    }

    struct ImportResponse: Content {
        var dry_run: Bool
        var total: Int
        var inserted: Int
        var updated: Int
        var unchanged: Int
        var rejected: Int
        var warnings: Int
        var errors: [ImportProblemResponse]
        var warning_details: [ImportProblemResponse]
    }
}

struct BeneficiariesAPIController {
    func list(req: Request) async throws -> Response {
        let filters = try req.query.decode(BeneficiaryList.Filters.self)
        return try await respond(req, filters: filters, name: nil).response()
    }

    func search(req: Request) async throws -> Response {
        let body = try req.content.decode(API.SearchRequest.self)
        let filters = BeneficiaryList.Filters(
            region: body.region, ppks: body.ppks, desil: body.desil, status: body.status,
            minat: body.minat, page: body.page)
        return try await respond(req, filters: filters, name: body.name, nik: body.nik).response()
    }

    func lookup(req: Request) async throws -> API.BeneficiaryResponse {
        let principal = try req.requirePrincipal()
        let nik = try req.content.decode(API.LookupRequest.self).nik.trimmingCharacters(in: .whitespaces)
        guard let found = try await req.services.beneficiaries(req.db).find(nik: nik), principal.covers(found.details.desa) else {
            throw APIError.notFound(req.t(.apiNotFound))
        }
        return .init(found, principal: principal)
    }

    func show(req: Request) async throws -> API.BeneficiaryResponse {
        .init(try await load(req), principal: try req.requirePrincipal())
    }

    func create(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let input = try req.content.decode(API.BeneficiaryInput.self)
        do {
            let created = try await req.services.registerBeneficiary(req.db, for: principal)(input.form, by: AuditActor(principal))
            let response = Response(status: .created)
            try response.content.encode(API.BeneficiaryResponse(created, principal: principal))
            return response
        } catch let error as BeneficiaryError {
            throw Self.apiError(error, req.lang)
        }
    }

    func update(req: Request) async throws -> API.BeneficiaryResponse {
        let principal = try req.requirePrincipal()
        let current = try await load(req)
        let input = try req.content.decode(API.BeneficiaryInput.self)
        guard let version = input.version else {
            throw APIError(
                status: .unprocessableEntity, code: "version_required",
                message: req.lang == .id ? "Kirim 'version' yang Anda baca." : "Send the 'version' you read.")
        }
        do {
            let saved = try await req.services.updateBeneficiary(req.db, for: principal)(
                current.id, input.form, version: version,
                by: AuditActor(principal))
            return .init(saved, principal: principal)
        } catch let error as BeneficiaryError {
            throw Self.apiError(error, req.lang)
        }
    }

    func delete(req: Request) async throws -> HTTPStatus {
        let principal = try req.requirePrincipal()
        let current = try await load(req)
        guard let version = try? req.query.get(Int.self, at: "version") else {
            throw APIError(
                status: .unprocessableEntity, code: "version_required",
                message: req.lang == .id ? "Kirim ?version= yang Anda baca." : "Send the ?version= you read.")
        }
        do {
            let reason = try? req.query.get(String.self, at: "reason")
            try await req.services.removeBeneficiary(req.db)(current.id, version: version, reason: reason, by: AuditActor(principal))
        } catch let error as BeneficiaryError {
            throw Self.apiError(error, req.lang)
        }
        return .noContent
    }

    /// `POST /api/v1/beneficiaries/deleted/{id}/restore`: back from the "Dihapus" list within 30 days.
    func restore(req: Request) async throws -> API.BeneficiaryResponse {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("id", as: UUID.self),
            let deleted = try await req.services.beneficiaries(req.db).deleted(id: id),
            RegionContainmentPolicy().decide(for: principal, recordRegion: deleted.beneficiary.details.desa) == .allow
        else { throw Self.apiError(.notRestorable, req.lang) }
        do {
            return .init(try await req.services.restoreBeneficiary(req.db)(id, by: AuditActor(principal)), principal: principal)
        } catch let error as BeneficiaryError {
            throw Self.apiError(error, req.lang)
        }
    }

    /// `POST /api/v1/beneficiaries/import?dry_run=true|false` with the CSV as the body.
    func importCSV(req: Request) async throws -> API.ImportResponse {
        let principal = try req.requirePrincipal()
        let dryRun = (try? req.query.get(Bool.self, at: "dry_run")) ?? true
        guard let body = req.body.data, body.readableBytes > 0 else {
            throw APIError.badRequest(ImportFileError.empty.message(req.lang), code: "empty_file")
        }
        let bytes = [UInt8](buffer: body)
        let report: ImportBeneficiaries.Report
        do {
            report = try await req.services.importer(req.db, for: principal)(
                source: { MemoryByteSource(bytes) }, dryRun: dryRun, actor: AuditActor(principal), fileName: "api")
        } catch let error as ImportFileError {
            throw APIError(status: .unprocessableEntity, code: "invalid_file", message: error.message(req.lang))
        }
        let lang = req.lang
        return .init(
            dry_run: dryRun, total: report.totalRows, inserted: report.inserted, updated: report.updated,
            unchanged: report.unchanged, rejected: report.rejectedRows, warnings: report.warnedRows,
            errors: report.problems.map { .init(line: $0.line, column: $0.column, value: $0.value, message: $0.message(lang)) },
            warning_details: report.warnings.map { .init(line: $0.line, column: $0.column, value: $0.value, message: $0.message(lang)) })
    }

    // MARK: - Helpers

    private func respond(
        _ req: Request, filters: BeneficiaryList.Filters, name: String?, nik: String? = nil
    ) async throws -> API.BeneficiaryListResponse {
        let principal = try req.requirePrincipal()
        var query: BeneficiaryQuery
        do {
            query = try BeneficiariesController.query(filters, name: name, principal: principal, perPage: 50, lang: req.lang)
            if let typed = nik?.filter({ !$0.isWhitespace }), !typed.isEmpty {
                if let problem = BeneficiariesController.nikSearchError(typed, principal: principal, t: req.t) {
                    throw APIError(status: .badRequest, code: "bad_nik", message: problem)
                }
                query.nikPrefix = typed
            }
        } catch let abort as Abort where abort.status == .forbidden {
            throw APIError(status: .forbidden, code: "forbidden", message: req.t(.apiForbidden))
        } catch let abort as Abort {
            throw APIError.badRequest(abort.reason, code: "bad_filter")
        }
        let page = try await req.services.beneficiaries(req.db).search(query)
        return .init(total: page.total, page: query.page, items: page.items.map { .init($0, principal: principal) })
    }

    /// The record in the path, if inside the user's region; 404 otherwise (existence does not leak).
    private func load(_ req: Request) async throws -> Beneficiary {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("id", as: UUID.self),
            let found = try await req.services.beneficiaries(req.db).find(id: id), principal.covers(found.details.desa)
        else { throw APIError.notFound(req.t(.apiNotFound)) }
        return found
    }

    static func apiError(_ error: BeneficiaryError, _ lang: Lang) -> APIError {
        switch error {
        case .invalid: APIError(status: .unprocessableEntity, code: "invalid", message: error.message(lang))
        case .nikTaken: APIError(status: .conflict, code: "nik_taken", message: error.message(lang))
        case .notFound: APIError(status: .notFound, code: "not_found", message: error.message(lang))
        case .staleVersion: APIError(status: .conflict, code: "stale_version", message: error.message(lang))
        case .badStatus: APIError(status: .unprocessableEntity, code: "bad_status", message: error.message(lang))
        case .statusFollowsGroup: APIError(status: .unprocessableEntity, code: "status_follows_group", message: error.message(lang))
        case .inGroup: APIError(status: .conflict, code: "kube_member", message: error.message(lang))
        case .reasonRequired: APIError(status: .unprocessableEntity, code: "reason_required", message: error.message(lang))
        case .notRestorable: APIError(status: .notFound, code: "not_restorable", message: error.message(lang))
        }
    }
}
