import BinaUsahaDomain
import Foundation

/// Runs a PostgreSQL client tool (`pg_dump`, `pg_restore`) and waits for it without blocking
/// a thread of the event loops.
enum ExternalTool {
    static func run(_ tool: String, _ arguments: [String]) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        guard status == 0 else {
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw ArchiveError.toolFailed(tool: tool, status: status, output: String(text.suffix(2_000)))
        }
    }
}
