import Vapor

/// Every route of the site and the API, on one screen.
func routes(_ app: Application) throws {
    // MARK: - Pages
    do {
        let home = HomeController()
        app.get(use: home.index)

        let regions = RegionController()
        app.get("regions", use: regions.index)
        app.get("regions", ":code", use: regions.show)
    }

    // MARK: - Operations
    do {
        app.get("health", use: HealthController().check)
        let openAPI = OpenAPIController()
        app.get("api", "openapi.json", use: openAPI.json)
    }

    // MARK: - API v1
    do {
        let v1 = app.grouped("api", "v1")
        let regions = RegionsAPIController()
        v1.get("regions", use: regions.list)
        v1.get("regions", ":code", use: regions.show)
    }
}
