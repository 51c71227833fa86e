import Foundation

/// Case- and accent-insensitive text for search: `Siti Aïsyah ` → `siti aisyah`.
public enum TextFolding {
    public static func fold(_ text: String) -> String {
        // Fast path for plain ASCII (nearly every name in the register): no Foundation needed.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var out = [UInt8]()
            out.reserveCapacity(text.utf8.count)
            var pendingSpace = false
            for byte in text.utf8 {
                if byte <= 0x20 || byte == 0x7F {  // white space and control characters: one space
                    pendingSpace = !out.isEmpty
                    continue
                }
                if pendingSpace {
                    out.append(0x20)
                    pendingSpace = false
                }
                out.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
            }
            return String(decoding: out, as: UTF8.self)
        }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
            .split(whereSeparator: { $0.isWhitespace || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } })
            .joined(separator: " ")
    }

    /// Whether `text` has a control character other than tab, line feed and carriage return
    /// (C0, DEL, C1): invisible, never part of a name or an address, and a NUL cuts text short
    /// in SQLite's string functions.
    public static func containsControlCharacters(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F { return true }
            if previous == 0xC2 && (0x80...0x9F).contains(byte) { return true }
            previous = byte
        }
        return false
    }

    /// `text` without leading and trailing white space; returns the same string (no copy) when
    /// there is none, which is the common case in imports.
    public static func trim(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        func mayBeSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) || byte >= 0x80 }
        guard mayBeSpace(first) || mayBeSpace(last) else { return text }
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[start...end])
    }
}

extension Character {
    /// `0`–`9` only: not `١`, `１` or `½`, which `isNumber` accepts and `Int(_:)` does not.
    public var isASCIIDigit: Bool { isASCII && ("0"..."9").contains(self) }
}
