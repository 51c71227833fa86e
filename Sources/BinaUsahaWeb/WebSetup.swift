import Foundation
import Vapor

/// Installs the web layer on an application: middleware in order, static files from the
/// package resources (so the binary works from any directory), and the routes.
public enum WebSetup {
    /// - Parameter runsJobs: start the background worker for import jobs with the application
    ///   (`serve` and the tests; not the short-lived commands).
    public static func install(on app: Application, services: WebServices, runsJobs: Bool) throws {
        app.services = services
        if runsJobs {
            let worker = ImportWorker { app in app.services.importJobs(app.db) }
            app.importWorker = worker
            app.lifecycle.use(worker)
        }
        // Registered after the worker, so shut down before it: requests finish first.
        let drain = RequestDrain()
        app.lifecycle.use(drain)
        app.middleware = Middlewares()
        app.middleware.use(InFlightMiddleware(drain: drain))
        app.middleware.use(SecurityHeadersMiddleware())
        app.middleware.use(LanguageMiddleware())
        app.middleware.use(FriendlyErrorMiddleware())
        app.middleware.use(FileMiddleware(publicDirectory: publicDirectory, defaultFile: nil))
        app.middleware.use(AuthenticationMiddleware())
        app.middleware.use(CSRFMiddleware())
        // Forms and imports are small; big uploads get a clear 413.
        app.routes.defaultMaxBodySize = "10mb"
        try routes(app)
    }

    /// `Resources/Public` inside the package's resource bundle, with a trailing slash.
    public static var publicDirectory: String {
        guard let url = Bundle.module.url(forResource: "Public", withExtension: nil) else {
            fatalError("Public resources missing from the BinaUsahaWeb bundle")
        }
        return url.path + "/"
    }
}
