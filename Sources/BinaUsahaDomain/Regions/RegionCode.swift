import Foundation

/// A Kemendagri region code in dotted form: `16`, `16.02`, `16.02.03`, `16.02.03.2002`.
///
/// Segments have fixed widths (2, 2, 2, 4 digits), so string order is numeric order and the
/// code of every ancestor is a prefix of the code.
public struct RegionCode: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public let rawValue: String

    static let segmentWidths = [2, 2, 2, 4]

    /// Parses and validates a dotted code; throws ``RegionCodeError`` with the reason.
    public init(validating text: String) throws(RegionCodeError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .empty }
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= Self.segmentWidths.count else { throw .tooManySegments(trimmed) }
        for (index, part) in parts.enumerated() {
            guard part.count == Self.segmentWidths[index], part.allSatisfy(\.isASCIIDigit) else {
                throw .badSegment(code: trimmed, position: index + 1, expectedDigits: Self.segmentWidths[index])
            }
            guard part.contains(where: { $0 != "0" }) else { throw .zeroSegment(trimmed) }
        }
        self.rawValue = trimmed
    }

    /// For codes known to be valid (literals in code, values read back from the database).
    public init(trusted rawValue: String) { self.rawValue = rawValue }

    public var segments: [Substring] { rawValue.split(separator: ".") }
    public var level: RegionLevel { RegionLevel(segmentCount: segments.count) ?? .desaKelurahan }

    /// The code one level up, `nil` for a province.
    public var parent: RegionCode? {
        guard let dot = rawValue.lastIndex(of: ".") else { return nil }
        return RegionCode(trusted: String(rawValue[..<dot]))
    }

    /// This code and every ancestor, from the province down.
    public var lineage: [RegionCode] {
        var chain = [self]
        while let up = chain.last?.parent { chain.append(up) }
        return chain.reversed()
    }

    /// The plain digits as they appear inside NIK and KK numbers (`160203`).
    public var digits: String { rawValue.replacingOccurrences(of: ".", with: "") }

    /// True when `other` is this region or lies inside it.
    public func contains(_ other: RegionCode) -> Bool {
        other == self || other.rawValue.hasPrefix(rawValue + ".")
    }

    public var description: String { rawValue }
    public static func < (lhs: RegionCode, rhs: RegionCode) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(validating: text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message(.id)))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

public enum RegionCodeError: Error, Equatable, Sendable, LocalizedMessage {
    case empty
    case tooManySegments(String)
    case badSegment(code: String, position: Int, expectedDigits: Int)
    case zeroSegment(String)

    public func message(_ language: Lang) -> String {
        switch (self, language) {
        case (.empty, .id): "kode wilayah kosong"
        case (.empty, .en): "region code is empty"
        case let (.tooManySegments(code), .id): "kode wilayah '\(code)' punya lebih dari 4 bagian"
        case let (.tooManySegments(code), .en): "region code '\(code)' has more than 4 segments"
        case let (.badSegment(code, position, width), .id):
            "kode wilayah '\(code)': bagian ke-\(position) harus \(width) angka (format 16.02.03.2002)"
        case let (.badSegment(code, position, width), .en):
            "region code '\(code)': segment \(position) must be \(width) digits (format 16.02.03.2002)"
        case let (.zeroSegment(code), .id): "kode wilayah '\(code)' memuat bagian 00"
        case let (.zeroSegment(code), .en): "region code '\(code)' contains a zero segment"
        }
    }
}
