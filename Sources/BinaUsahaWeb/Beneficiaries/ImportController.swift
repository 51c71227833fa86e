import BinaUsahaDomain
import Fluent
import Vapor

/// Web imports: upload → background job with a self-refreshing progress page → problems as
/// CSV → commit of a checked file.
struct ImportController {
    func form(req: Request) async throws -> Response {
        ImportPages.UploadView(context: req.page()).document().response()
    }

    func upload(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        struct Upload: Content {
            var file: File?
            var dry_run: String?
        }
        let upload = try req.content.decode(Upload.self)
        guard let file = upload.file, file.data.readableBytes > 0 else {
            return ImportPages.UploadView(error: req.t(.impNoFile), context: req.page()).document().response(status: .badRequest)
        }
        let services = req.services
        try FileManager.default.createDirectory(atPath: services.uploadDirectory, withIntermediateDirectories: true)
        let path = services.uploadDirectory + "/\(UUID().uuidString).csv"
        try Data(buffer: file.data).write(to: URL(fileURLWithPath: path))
        let job = try await services.importJobs(req.db).start(fileName: file.filename, path: path, dryRun: upload.dry_run == "1", by: principal)
        req.application.importWorker?.wake()
        return req.redirect(to: Site.importJob(job.id))
    }

    func show(req: Request) async throws -> Response {
        let job = try await load(req)
        return ImportPages.JobView(
            job: job, stalled: job.isStalled(at: req.services.clock.now(), after: req.services.jobStallSeconds),
            context: req.page()
        ).document().response()
    }

    func problems(req: Request) async throws -> Response {
        let job = try await load(req)
        let t = req.t
        var csv = CSVText.byteOrderMark + CSVText.spreadsheetLine([t(.impColLine), t(.impColColumn), t(.impColValue), t(.impColReason)])
        for message in job.messages {
            csv += CSVText.spreadsheetLine([
                String(message.line), message.column ?? "", message.value ?? "",
                (message.isWarning ? t(.impWarningTag) + ": " : "") + message.text(req.lang),
            ])
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.contentDisposition = .init(.attachment, filename: "masalah-impor.csv")
        return Response(status: .ok, headers: headers, body: .init(string: csv))
    }

    /// Imports a file that was checked in a dry run, as a new job.
    func commit(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let checked = try await load(req)
        do {
            let job = try await req.services.importJobs(req.db).commit(
                checked, fileExists: FileManager.default.fileExists(atPath: checked.filePath),
                by: principal)
            req.application.importWorker?.wake()
            return req.redirect(to: Site.importJob(job.id))
        } catch ImportJobs.Refusal.notCommittable {
            throw Abort(.conflict, reason: req.t(.impNoFile))
        }
    }

    /// A job is visible to the user who started it and to the provincial admin.
    private func load(_ req: Request) async throws -> ImportJob {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("id", as: UUID.self), let job = try await req.services.importJobStore(req.db).find(id),
            job.userID == principal.userID || principal.role == .adminProvinsi
        else { throw Abort(.notFound) }
        return job
    }
}
