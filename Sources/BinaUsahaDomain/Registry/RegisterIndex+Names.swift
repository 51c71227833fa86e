import Foundation

extension RegisterIndex {
    /// What typed words find in the vocabulary of name words: for typed word k, bit w of
    /// `exact[k]` is set when vocabulary word w starts with it, and of `near[k]` when it does
    /// or some prefix of it is within the typos `NameMatcher` allows.
    struct NameQuery {
        var exact: [UInt64]
        var near: [UInt64]
        /// Words of bitset per typed word.
        var stride: Int
        var typed: Int

        /// A typed word that finds nothing at all: no name can match.
        var findsNothing: Bool {
            (0..<typed).contains { k in !near[k * stride..<(k + 1) * stride].contains { $0 != 0 } }
        }
    }

    enum NameMatch { case exact, withTypos, none }

    func nameQuery(_ typedWords: [String]) -> NameQuery {
        let stride = (vocabulary.count + 63) / 64
        var exact = [UInt64](repeating: 0, count: stride * typedWords.count)
        var near = exact
        for (k, typed) in typedWords.enumerated() {
            let base = k * stride
            // Words starting with `typed`: one range of the sorted vocabulary.
            var low = 0
            var high = wordsInOrder.count
            while low < high {
                let middle = (low + high) / 2
                if vocabulary[Int(wordsInOrder[middle])] < typed { low = middle + 1 } else { high = middle }
            }
            while low < wordsInOrder.count, vocabulary[Int(wordsInOrder[low])].hasPrefix(typed) {
                let word = Int(wordsInOrder[low])
                exact[base + word >> 6] |= 1 << UInt64(word & 63)
                near[base + word >> 6] |= 1 << UInt64(word & 63)
                low += 1
            }
            let scalars = Array(typed.unicodeScalars)
            let limit = NameMatcher.allowedTypos(scalars.count)
            guard limit > 0 else { continue }
            for word in 1..<vocabulary.count where near[base + word >> 6] & (1 << UInt64(word & 63)) == 0 {
                let candidate = vocabularyScalars[word]
                guard candidate.count >= scalars.count - limit else { continue }
                if NameMatcher.prefixMatches(scalars, candidate, limit: limit) { near[base + word >> 6] |= 1 << UInt64(word & 63) }
            }
        }
        return NameQuery(exact: exact, near: near, stride: stride, typed: typedWords.count)
    }

    /// How the name of the entry at `position` of `list` matches: every typed word must find
    /// some word of the name.
    func nameMatch(
        _ words: UnsafeBufferPointer<UInt32>, at position: Int, _ entry: Ordered, _ query: NameQuery,
        exact: UnsafeBufferPointer<UInt64>, near: UnsafeBufferPointer<UInt64>
    ) -> NameMatch {
        let base = position * Self.wordsPerEntry
        var allExact = true
        for k in 0..<query.typed {
            let bits = k * query.stride
            var isExact = false
            var isNear = false
            for offset in 0..<Self.wordsPerEntry {
                let word = Int(words[base + offset])
                if word == 0 { break }
                let bit: UInt64 = 1 << UInt64(word & 63)
                if exact[bits + word >> 6] & bit != 0 {
                    isExact = true
                    break
                }
                if near[bits + word >> 6] & bit != 0 { isNear = true }
            }
            if !isExact, entry.attributes & Self.moreWordsBit != 0, let more = moreWords[entry.slot] {
                for word in more.map(Int.init) {
                    let bit: UInt64 = 1 << UInt64(word & 63)
                    if exact[bits + word >> 6] & bit != 0 {
                        isExact = true
                        break
                    }
                    if near[bits + word >> 6] & bit != 0 { isNear = true }
                }
            }
            if !isExact && !isNear { return .none }
            allExact = allExact && isExact
        }
        return allExact ? .exact : .withTypos
    }

    /// The distinct words of a folded name, in order.
    static func words(_ nameKey: String) -> [Substring] {
        var seen = Set<Substring>()
        return nameKey.split(separator: " ").filter { seen.insert($0).inserted }
    }

    /// The first words of the name in `slot`, as vocabulary numbers, padded with 0.
    func entryWords(_ slot: Int32) -> [UInt32] {
        var words = Self.words(names[Int(slot)]).prefix(Self.wordsPerEntry).map { wordNumber[String($0)] ?? 0 }
        words += repeatElement(0, count: Self.wordsPerEntry - words.count)
        return words
    }

    mutating func word(for text: Substring) -> UInt32 {
        let text = String(text)
        if let number = wordNumber[text] { return number }
        let number = UInt32(vocabulary.count)
        vocabulary.append(text)
        vocabularyScalars.append(Array(text.unicodeScalars))
        wordNumber[text] = number
        var low = 0
        var high = wordsInOrder.count
        while low < high {
            let middle = (low + high) / 2
            if vocabulary[Int(wordsInOrder[middle])] < text { low = middle + 1 } else { high = middle }
        }
        wordsInOrder.insert(number, at: low)
        return number
    }

    mutating func tag(for text: String) -> UInt16 {
        if let number = tagNumber[text] { return number }
        // More tags than a number holds would be a vocabulary nobody manages; they share the last.
        guard tags.count < Int(UInt16.max) else { return UInt16.max }
        let number = UInt16(tags.count)
        tags.append(text)
        tagNumber[text] = number
        return number
    }
}
