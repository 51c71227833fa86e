/// Checks that a stream of chunks is valid UTF-8, carrying an incomplete sequence across
/// chunk boundaries, and counts lines so that the first bad byte can be reported by line.
public struct UTF8Check: Sendable {
    private var pending: [UInt8] = []
    public private(set) var line = 1
    public private(set) var firstBadLine: Int?
    /// Data rows seen (newlines outside quotes are not tracked here; this is for progress only).
    public private(set) var newlines = 0

    public init() {}

    public mutating func feed(_ chunk: [UInt8]) {
        guard firstBadLine == nil else { return }
        var bytes = pending + chunk
        pending = []
        // Keep back an incomplete trailing sequence for the next chunk.
        var cut = bytes.count
        var back = 0
        while back < min(3, bytes.count) {
            let byte = bytes[bytes.count - 1 - back]
            if byte & 0xC0 == 0x80 {
                back += 1
                continue
            }
            if byte >= 0xC0 {
                let needed = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                if back + 1 < needed { cut = bytes.count - 1 - back }
            }
            break
        }
        pending = Array(bytes[cut...])
        bytes.removeLast(bytes.count - cut)
        check(bytes)
    }

    public mutating func finish() {
        if !pending.isEmpty, firstBadLine == nil { firstBadLine = line }
    }

    private var afterCR = false

    private mutating func check(_ bytes: [UInt8]) {
        if String(validating: bytes, as: UTF8.self) != nil {
            for byte in bytes { countLineEnd(byte) }
            return
        }
        // Find the line of the first bad byte.
        var start = 0
        for (index, byte) in bytes.enumerated() where countLineEnd(byte) {
            if String(validating: bytes[start..<index], as: UTF8.self) == nil {
                firstBadLine = line - 1
                return
            }
            start = index + 1
        }
        firstBadLine = line
    }

    /// Counts LF, CRLF (once) and a lone CR as line ends; true when `byte` ended a line.
    @discardableResult
    private mutating func countLineEnd(_ byte: UInt8) -> Bool {
        defer { afterCR = byte == 0x0D }
        guard byte == 0x0D || (byte == 0x0A && !afterCR) else { return false }
        line += 1
        newlines += 1
        return true
    }
}
