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
        let id = UUID()
        let path = services.uploadDirectory + "/\(id.uuidString).csv"
        try Data(buffer: file.data).write(to: URL(fileURLWithPath: path))
        let now = services.clock.now()
        let job = ImportJob(id: id, userID: principal.userID, fileName: file.filename, filePath: path, dryRun: upload.dry_run == "1",
                            createdAt: now, heartbeatAt: now)
        try await services.importJobs(req.db).create(job)
        ImportRunner.start(job, principal: principal, app: req.application)
        return req.redirect(to: "/imports/\(id)")
    }

    func show(req: Request) async throws -> Response {
        let job = try await load(req)
        let principal = try req.requirePrincipal()
        return ImportPages.JobView(job: job, stalled: job.isStalled(at: req.services.clock.now()), canResume: job.userID == principal.userID,
                                   context: req.page()).document().response()
    }

    func problems(req: Request) async throws -> Response {
        let job = try await load(req)
        let t = req.t
        var csv = CSVText.byteOrderMark + CSVText.spreadsheetLine([t(.impColLine), t(.impColColumn), t(.impColValue), t(.impColReason)])
        for message in job.messages {
            csv += CSVText.spreadsheetLine([String(message.line), message.column ?? "", message.value ?? "",
                                 (message.isWarning ? t(.impWarningTag) + ": " : "") + message.text(req.lang)])
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
        guard checked.dryRun, checked.status == .done, FileManager.default.fileExists(atPath: checked.filePath) else {
            throw Abort(.conflict, reason: req.t(.impNoFile))
        }
        let now = req.services.clock.now()
        let job = ImportJob(userID: principal.userID, fileName: checked.fileName, filePath: checked.filePath, dryRun: false,
                            createdAt: now, heartbeatAt: now)
        try await req.services.importJobs(req.db).create(job)
        ImportRunner.start(job, principal: principal, app: req.application)
        return req.redirect(to: "/imports/\(job.id)")
    }

    /// Continues a job whose process died, from its last committed batch.
    func resume(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let job = try await load(req)
        guard job.userID == principal.userID, FileManager.default.fileExists(atPath: job.filePath),
              try await req.services.importJobs(req.db).claimStalled(job.id, now: req.services.clock.now()) else {
            throw Abort(.conflict, reason: req.t(.impCannotResume))
        }
        ImportRunner.start(job, principal: principal, app: req.application, resume: true)
        return req.redirect(to: "/imports/\(job.id)")
    }

    /// A job is visible to the user who started it and to the provincial admin.
    private func load(_ req: Request) async throws -> ImportJob {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("id", as: UUID.self), let job = try await req.services.importJobs(req.db).find(id),
              job.userID == principal.userID || principal.role == .adminProvinsi else { throw Abort(.notFound) }
        return job
    }
}

/// Runs an import in the background on the application's database. A real import stores its
/// counts and checkpoint in the job row inside each batch's transaction, so the row always
/// tells exactly what was committed; a dry run stores its progress after each batch.
enum ImportRunner {
    static func start(_ job: ImportJob, principal: Principal, app: Application, resume: Bool = false) {
        let services = app.services
        let db = app.db
        let logger = app.logger
        Task.detached {
            var job = job
            let store = services.importJobs(db)
            do {
                let importer = try await services.importer(db, for: principal)
                let path = job.filePath
                let started = job
                let clock = services.clock
                let report = try await importer(
                    source: { try FileByteSource(path: path) }, dryRun: job.dryRun, actor: AuditActor(principal), fileName: job.fileName,
                    resumingAfter: resume ? job.checkpoint : nil,
                    committed: { repositories, checkpoint, progress in
                        var running = started
                        running.report = progress
                        running.committedLine = checkpoint.lastLine
                        running.heartbeatAt = clock.now()
                        try await repositories.importJobs.update(running)
                    },
                    progress: { progress in
                        guard started.dryRun else { return }
                        var running = started
                        running.report = progress
                        running.heartbeatAt = clock.now()
                        try? await store.update(running)
                    })
                if let latest = try await store.find(job.id) { job = latest }
                job.report = report
                job.messages = ImportMessage.from(report)
                job.status = .done
                if !job.dryRun { try? FileManager.default.removeItem(atPath: path) }
            } catch let error as ImportFileError {
                job.status = .failed
                job.error = error.message(.id)
            } catch {
                if let latest = try? await store.find(job.id) { job = latest }
                job.status = .failed
                job.error = Catalogue(.id)(.apiInternal)
                logger.report(error: error)
            }
            job.finishedAt = services.clock.now()
            job.heartbeatAt = job.finishedAt
            try? await store.update(job)
        }
    }
}
