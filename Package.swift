// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "binausaha",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "binausaha", targets: ["binausaha"])
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/async-kit.git", from: "1.22.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // Pure domain: Foundation only. No Vapor, no Fluent.
        .target(name: "BinaUsahaDomain"),
        // Fluent records, numbered migrations, repositories, database set-up.
        .target(
            name: "BinaUsahaPersistence",
            dependencies: [
                "BinaUsahaDomain",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQL", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "AsyncKit", package: "async-kit"),
            ]
        ),
        // HTTP: routes, controllers, pages, middleware, OpenAPI document, static files.
        .target(
            name: "BinaUsahaWeb",
            dependencies: [
                "BinaUsahaDomain",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("Resources/Public"), .copy("Resources/openapi.json"), .copy("Resources/recommendation-cases.csv")]
        ),
        // Commands (serve is Vapor's; import, migrate, users, demo, bench) and pure file parsers.
        .target(
            name: "BinaUsahaCLI",
            dependencies: [
                "BinaUsahaDomain",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
            ]
        ),
        // Composition root: typed configuration read once, configure(app).
        .target(
            name: "BinaUsahaApp",
            dependencies: [
                "BinaUsahaDomain", "BinaUsahaPersistence", "BinaUsahaWeb", "BinaUsahaCLI",
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .executableTarget(name: "binausaha", dependencies: ["BinaUsahaApp"]),
        .target(
            name: "BinaUsahaTestSupport",
            dependencies: [
                "BinaUsahaApp",
                .product(name: "VaporTesting", package: "vapor"),
            ]
        ),
        .testTarget(name: "BinaUsahaDomainTests", dependencies: ["BinaUsahaDomain"]),
        .testTarget(name: "BinaUsahaPersistenceTests", dependencies: ["BinaUsahaTestSupport"]),
        .testTarget(name: "BinaUsahaWebTests", dependencies: ["BinaUsahaTestSupport"]),
        .testTarget(name: "BinaUsahaCLITests", dependencies: ["BinaUsahaTestSupport", "BinaUsahaCLI", "BinaUsahaApp"]),
        .testTarget(name: "BinaUsahaAppTests", dependencies: ["BinaUsahaTestSupport", "binausaha"]),
    ],
    swiftLanguageModes: [.v6]
)
