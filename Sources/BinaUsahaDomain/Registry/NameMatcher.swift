import Foundation

/// How a typed word finds the words of names, tolerating typos: "rahma" finds *Rahmawati*
/// (a prefix), "sity" finds *Siti* and "aisyah" finds *Aisah* (one letter added, missing,
/// changed or two swapped). Short words must match exactly, so that "an" does not find half
/// the register: up to three letters no typo, four to seven letters one, eight or more two.
public enum NameMatcher {
    /// Typos a typed word of this many letters may have.
    public static func allowedTypos(_ length: Int) -> Int {
        switch length {
        case ..<4: 0
        case 4..<8: 1
        default: 2
        }
    }

    /// Whether some prefix of `word` is within `limit` edits (insert, delete, change, swap of
    /// neighbours) of `typed`. Both are folded text; compared by Unicode scalar.
    public static func prefixMatches(_ typed: [Unicode.Scalar], _ word: [Unicode.Scalar], limit: Int) -> Bool {
        let m = typed.count
        guard m > 0 else { return true }
        if limit == 0 { return word.count >= m && word[0..<m].elementsEqual(typed) }
        // A prefix longer than typed + limit can only be further away.
        let n = min(word.count, m + limit)
        guard n >= m - limit else { return false }
        // Rows over typed, columns over word's prefix: the optimal string alignment distance.
        var previous2 = [Int](repeating: 0, count: n + 1)
        var previous = Array(0...n)
        var current = [Int](repeating: 0, count: n + 1)
        var previousMinimum = 0
        for i in 1...m {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...max(1, n) where j <= n {
                let cost = typed[i - 1] == word[j - 1] ? 0 : 1
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, typed[i - 1] == word[j - 2], typed[i - 2] == word[j - 1] {
                    best = min(best, previous2[j - 2] + 1)
                }
                current[j] = best
                rowMinimum = min(rowMinimum, best)
            }
            // Later rows can be no better than this one, or than the one before plus a swap.
            if rowMinimum > limit, previousMinimum >= limit { return false }
            previousMinimum = rowMinimum
            (previous2, previous, current) = (previous, current, previous2)
        }
        // `previous` now holds the last row: the distance of typed to each prefix of word.
        return previous[0...n].contains { $0 <= limit }
    }
}
