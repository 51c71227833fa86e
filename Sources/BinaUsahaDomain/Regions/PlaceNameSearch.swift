import Foundation

/// Finds places by the name people type, which is often the press's or the colloquial
/// spelling rather than Kemendagri's (DOMAIN.md, "Village names in the press"): "Perahu Dipo"
/// finds *Prahu Dipo*, "batuwinangun" finds *Battu Winangun*, "Kel. Sidoharjo" finds
/// *Sidoharjo*. Names are compared folded (case, accents) and with spaces and punctuation
/// removed, so word breaks do not matter; typos are tolerated as in `NameMatcher`.
public enum PlaceNameSearch {
    /// Words the press puts before a name that are not part of it.
    static let prefixes: Set<String> = [
        "desa", "ds", "kel", "kelurahan", "dusun", "dsn", "kec", "kecamatan", "kab", "kabupaten", "kota", "l",
    ]

    /// The places whose name matches `typed`, best first (exact, then beginning, then with
    /// typos; ties by name), at most `limit`. Nothing for fewer than two letters.
    public static func matches(_ typed: String, in places: [Region], limit: Int = 20) -> [Region] {
        let words = TextFolding.fold(typed).split { !($0.isLetter || $0.isNumber) }.map(String.init)
        let kept = words.drop { prefixes.contains($0) && words.count > 1 }
        let query = Array(kept.joined().unicodeScalars)
        guard query.count >= 2 else { return [] }
        let limitTypos = NameMatcher.allowedTypos(query.count)
        var scored: [(score: Int, region: Region)] = []
        for place in places {
            let name = squashed(place.name)
            let score: Int
            if name == query {
                score = 0
            } else if name.starts(with: query) {
                score = 1
            } else if NameMatcher.prefixMatches(query, name, limit: limitTypos) {
                score = 2
            } else if kept.count == 1, containsWord(query, in: place.name) {
                score = 3
            } else {
                continue
            }
            scored.append((score, place))
        }
        return scored.sorted { ($0.score, $0.region.name, $0.region.code.rawValue) < ($1.score, $1.region.name, $1.region.code.rawValue) }
            .prefix(max(0, limit)).map(\.region)
    }

    /// The name folded, with only its letters and digits.
    static func squashed(_ name: String) -> [Unicode.Scalar] {
        TextFolding.fold(name).unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }
    }

    /// Whether a later word of `name` begins with `query` ("ulu" finds *Muara P. Ulu*).
    static func containsWord(_ query: [Unicode.Scalar], in name: String) -> Bool {
        TextFolding.fold(name).split { !($0.isLetter || $0.isNumber) }.dropFirst().contains { word in
            NameMatcher.prefixMatches(query, Array(word.unicodeScalars), limit: NameMatcher.allowedTypos(query.count))
        }
    }
}
