import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The built `binausaha` executable, run as a real process (for tests of start-up, commands
/// and resource lookup from another working directory).
public struct BinaryProcess {
    public static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("binausaha")
    }

    public struct Result {
        public var status: Int32
        public var output: String
        public var error: String
    }

    /// Runs a command to completion in `directory`.
    public static func run(
        _ arguments: [String], in directory: URL, environment: [String: String] = [:],
        input: String? = nil
    ) throws -> Result {
        let process = try make(arguments, in: directory, environment: environment)
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let error = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
            error: String(decoding: error, as: UTF8.self))
    }

    /// Starts `serve` in `directory` and waits until it answers `/health`.
    public static func serve(
        in directory: URL, arguments: [String] = [], port: Int, environment: [String: String] = [:]
    ) async throws
        -> Process
    {
        let process = try make(["serve", "--port", String(port)] + arguments, in: directory, environment: environment)
        // What it says goes to a file beside its database, quoted when it does not start.
        let log = directory.appendingPathComponent("serve-\(port).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let logHandle = try FileHandle(forWritingTo: log)
        process.standardOutput = logHandle
        process.standardError = logHandle
        try process.run()
        for _ in 0..<150 {
            if let (_, response) = try? await fetch("http://127.0.0.1:\(port)/health"), response.statusCode == 200 {
                return process
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        process.terminate()
        let said = (try? String(contentsOf: log, encoding: .utf8)).map { String($0.suffix(2_000)) } ?? ""
        throw TestSupportError("binausaha serve did not answer on port \(port) (running: \(process.isRunning)); it said:\n\(said)")
    }

    public static func fetch(_ url: String, headers: [String: String] = [:]) async throws -> (String, HTTPURLResponse) {
        var request = URLRequest(url: URL(string: url)!)
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        return (String(decoding: data, as: UTF8.self), response as! HTTPURLResponse)
    }

    static func make(_ arguments: [String], in directory: URL, environment: [String: String]) throws -> Process {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw TestSupportError("binausaha executable not found at \(executable.path); build with swift build --build-tests")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "DATABASE_URL")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        return process
    }

    /// A fresh empty directory under the system's temporary folder.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("binausaha-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
