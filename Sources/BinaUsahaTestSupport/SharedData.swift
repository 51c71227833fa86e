import Foundation

/// The public reference data beside the project (`../shared/data`), which tests, benchmarks
/// and demos may read but the project never copies. Override with `BINAUSAHA_SHARED_DATA`.
public enum SharedData {
    public static var directory: URL? {
        let fileManager = FileManager.default
        if let override = ProcessInfo.processInfo.environment["BINAUSAHA_SHARED_DATA"], !override.isEmpty {
            return fileManager.fileExists(atPath: override) ? URL(fileURLWithPath: override) : nil
        }
        let candidate = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
        return fileManager.fileExists(atPath: candidate.path) ? candidate : nil
    }

    /// `data/regions/NAME` when the shared data is present.
    public static func regionsFile(_ name: String) -> URL? {
        guard let url = directory?.appendingPathComponent("regions/\(name)"),
            FileManager.default.fileExists(atPath: url.path)
        else { return nil }
        return url
    }

    /// The root of this package (the folder holding Package.swift).
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // BinaUsahaTestSupport
            .deletingLastPathComponent()  // Sources
            .deletingLastPathComponent()
    }
}
