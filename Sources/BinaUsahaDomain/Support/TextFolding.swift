import Foundation

/// Case- and accent-insensitive text for search: `Siti Aïsyah ` → `siti aisyah`.
public enum TextFolding {
    public static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
