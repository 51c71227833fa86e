import Foundation

/// The register's list, held in memory so that any page of any filter combination is answered
/// in milliseconds at a million people: every person's filterable attributes packed into two
/// words, kept in list order (name, then NIK) for the whole province and for each kab/kota,
/// plus a vocabulary of name words for typo-tolerant name search. It answers *which people,
/// in which order, how many* — the rows of a page are then read from the database by id.
///
/// The index is a value: the persistence layer keeps one per application, brings it up to date
/// with the database's register generation before answering, and guards it with a lock.
public struct RegisterIndex: Sendable {
    /// A page of the list: the people's ids in list order, and how many match in all.
    public struct Page: Sendable, Equatable {
        public var ids: [UUID]
        public var total: Int

        public init(ids: [UUID], total: Int) {
            self.ids = ids
            self.total = total
        }
    }

    /// One person in a list order, with the attributes filters read, so that a filtered scan
    /// reads memory in sequence.
    struct Ordered {
        var attributes: UInt64
        var interests: UInt64
        var slot: Int32
    }

    // Bits of `attributes`: desa number (20), status (3), decile (4, 0 = none), PPKS (bit 27 + p
    // for category p in 1…26), and whether the person has more interests than fit in one word.
    static let desaBits: UInt64 = (1 << 20) - 1
    static let statusShift: UInt64 = 20
    static let decileShift: UInt64 = 23
    static let ppksShift: UInt64 = 27
    static let moreInterestsBit: UInt64 = 1 << 55
    static let wordsPerSlot = 8
    static let interestsPerSlot = 4
    static let statuses = BeneficiaryStatus.allCases

    // Desa, sorted by code, so that the desa of any region are one range of numbers.
    private var desaCodes: [String] = []
    private var desaNumber: [String: UInt32] = [:]
    private var desaCounts: [Int] = []

    // Per person (slot).
    private var ids: [UUID] = []
    private var names: [String] = []
    private var niks: [String] = []
    private var attributes: [UInt64] = []
    private var interestWords: [UInt64] = []
    private var nameWords: [UInt32] = []
    private var moreWords: [Int32: [UInt32]] = [:]
    private var moreInterests: [Int32: [UInt16]] = [:]
    private var slotOf: [UUID: Int32] = [:]
    private var freeSlots: [Int32] = []

    // List orders.
    private var everyone: [Ordered] = []
    private var byKabkota: [String: [Ordered]] = [:]

    // Vocabularies: words of names (id 0 unused) and interest tags.
    private var vocabulary: [String] = [""]
    private var vocabularyScalars: [[Unicode.Scalar]] = [[]]
    private var wordNumber: [String: UInt32] = [:]
    private var wordsInOrder: [UInt32] = []
    private var tags: [String] = [""]
    private var tagNumber: [String: UInt16] = [:]

    /// The index of `entries`, knowing every desa in `desa` (people may live in more).
    public init(desa: [RegionCode], entries: [RegisterEntry]) {
        desaCodes = Set(desa.map(\.rawValue) + entries.map(\.desa.rawValue)).sorted()
        for (number, code) in desaCodes.enumerated() { desaNumber[code] = UInt32(number) }
        desaCounts = [Int](repeating: 0, count: desaCodes.count)
        ids.reserveCapacity(entries.count)
        for entry in entries { _ = store(entry, in: newSlot()) }
        let order = ids.indices.map { Int32($0) }.sorted { precedes($0, $1) }
        everyone = order.map(ordered)
        for slot in order {
            byKabkota[Self.kabkota(of: desaCodes[Int(attributes[Int(slot)] & Self.desaBits)]), default: []].append(ordered(slot))
        }
    }

    /// How many people the index holds.
    public var count: Int { everyone.count }

    /// People living in `scope` (everyone when nil).
    public func count(in scope: RegionCode?) -> Int {
        guard let scope else { return everyone.count }
        let range = desaRange(scope)
        return desaCounts[range].reduce(0, +)
    }

    // MARK: - Changes

    /// Brings people up to date (new or changed) and drops removed ones. Returns false, and
    /// changes nothing, when someone lives in a desa the index does not know: build it anew.
    public mutating func apply(upserts: [RegisterEntry], removals: [UUID]) -> Bool {
        guard upserts.allSatisfy({ desaNumber[$0.desa.rawValue] != nil }) else { return false }
        let removed = removals.filter { slotOf[$0] != nil }
        if upserts.count + removed.count <= 16 {
            for id in removed { remove(id) }
            for entry in upserts {
                if slotOf[entry.id] != nil { remove(entry.id) }
                let slot = store(entry, in: newSlot())
                insert(slot)
            }
            return true
        }
        // Many changes (an import batch): filter every order once, then merge the new entries.
        var changed = Set<Int32>()
        for id in removed + upserts.map(\.id) {
            if let slot = slotOf[id] { changed.insert(slot) }
        }
        for slot in changed { release(slot) }
        var added: [Int32] = []
        for entry in Dictionary(upserts.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last }).values {
            added.append(store(entry, in: newSlot()))
        }
        added.sort { precedes($0, $1) }
        everyone = merge(everyone.filter { !changed.contains($0.slot) }, added)
        let touched = Set(added.map { kabkota(ofSlot: $0) }).union(byKabkota.keys)
        for key in touched {
            let mine = added.filter { kabkota(ofSlot: $0) == key }
            let kept = (byKabkota[key] ?? []).filter { !changed.contains($0.slot) }
            byKabkota[key] = merge(kept, mine)
        }
        return true
    }

    private mutating func newSlot() -> Int32 {
        if let slot = freeSlots.popLast() { return slot }
        let slot = Int32(ids.count)
        ids.append(UUID())
        names.append("")
        niks.append("")
        attributes.append(0)
        interestWords.append(0)
        nameWords.append(contentsOf: repeatElement(0, count: Self.wordsPerSlot))
        return slot
    }

    /// Writes the entry's attributes into `slot` and counts it in its desa.
    private mutating func store(_ entry: RegisterEntry, in slot: Int32) -> Int32 {
        let index = Int(slot)
        let desa = desaNumber[entry.desa.rawValue]!
        ids[index] = entry.id
        names[index] = entry.nameKey
        niks[index] = entry.nik
        slotOf[entry.id] = slot
        desaCounts[Int(desa)] += 1

        var packed = UInt64(desa)
        packed |= UInt64(Self.statuses.firstIndex(of: entry.status)!) << Self.statusShift
        packed |= UInt64(entry.decile.map { min(max($0, 0), 15) } ?? 0) << Self.decileShift
        for category in entry.ppks where (1...26).contains(category) { packed |= 1 << (Self.ppksShift + UInt64(category)) }
        let tagNumbers = entry.interests.map { tag(for: $0) }
        var interests: UInt64 = 0
        for (position, number) in tagNumbers.prefix(Self.interestsPerSlot).enumerated() {
            interests |= UInt64(number) << (16 * UInt64(position))
        }
        if tagNumbers.count > Self.interestsPerSlot {
            packed |= Self.moreInterestsBit
            moreInterests[slot] = Array(tagNumbers.dropFirst(Self.interestsPerSlot))
        } else {
            moreInterests[slot] = nil
        }
        attributes[index] = packed
        interestWords[index] = interests

        let words = Self.words(entry.nameKey).map { word(for: $0) }
        let base = index * Self.wordsPerSlot
        for position in 0..<Self.wordsPerSlot { nameWords[base + position] = position < words.count ? words[position] : 0 }
        moreWords[slot] = words.count > Self.wordsPerSlot ? Array(words.dropFirst(Self.wordsPerSlot)) : nil
        return slot
    }

    /// Forgets the person in `slot` (not the orders: the caller removes it there).
    private mutating func release(_ slot: Int32) {
        let index = Int(slot)
        desaCounts[Int(attributes[index] & Self.desaBits)] -= 1
        slotOf[ids[index]] = nil
        moreWords[slot] = nil
        moreInterests[slot] = nil
        names[index] = ""
        freeSlots.append(slot)
    }

    private mutating func remove(_ id: UUID) {
        guard let slot = slotOf[id] else { return }
        let key = kabkota(ofSlot: slot)
        Self.removeOrdered(slot, from: &everyone, precedes: precedes)
        if var list = byKabkota[key] {
            Self.removeOrdered(slot, from: &list, precedes: precedes)
            byKabkota[key] = list
        }
        release(slot)
    }

    private mutating func insert(_ slot: Int32) {
        let entry = ordered(slot)
        everyone.insert(entry, at: Self.position(of: slot, in: everyone, precedes: precedes))
        let key = kabkota(ofSlot: slot)
        var list = byKabkota[key] ?? []
        byKabkota[key] = nil
        list.insert(entry, at: Self.position(of: slot, in: list, precedes: precedes))
        byKabkota[key] = list
    }

    private static func position(of slot: Int32, in list: [Ordered], precedes: (Int32, Int32) -> Bool) -> Int {
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) / 2
            if precedes(list[middle].slot, slot) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private static func removeOrdered(_ slot: Int32, from list: inout [Ordered], precedes: (Int32, Int32) -> Bool) {
        var index = position(of: slot, in: list, precedes: precedes)
        while index < list.count, list[index].slot != slot, !precedes(slot, list[index].slot) { index += 1 }
        if index < list.count, list[index].slot == slot {
            list.remove(at: index)
        } else if let found = list.firstIndex(where: { $0.slot == slot }) {
            list.remove(at: found)
        }
    }

    private func merge(_ kept: [Ordered], _ added: [Int32]) -> [Ordered] {
        guard !added.isEmpty else { return kept }
        var result: [Ordered] = []
        result.reserveCapacity(kept.count + added.count)
        var next = 0
        for entry in kept {
            while next < added.count, precedes(added[next], entry.slot) {
                result.append(ordered(added[next]))
                next += 1
            }
            result.append(entry)
        }
        while next < added.count {
            result.append(ordered(added[next]))
            next += 1
        }
        return result
    }

    // MARK: - Reading

    /// The page of `query` (its scope, filters, name and page) and how many match in all.
    /// Names match word by word, each typed word the start of some word of the name; people
    /// whose name matches only with typos come after those that match exactly.
    public func search(_ query: BeneficiaryQuery) -> Page {
        let none = Page(ids: [], total: 0)
        var range = 0..<desaCodes.count
        var kabkota: String?
        for region in [query.scope, query.region].compactMap({ $0 }) {
            range = range.clamped(to: desaRange(region))
            if region.level != .provinsi {
                let key = Self.kabkota(of: region.rawValue)
                guard kabkota == nil || kabkota == key else { return none }
                kabkota = key
            }
        }
        guard !range.isEmpty else { return none }
        let list: [Ordered]
        if let kabkota {
            guard let found = byKabkota[kabkota] else { return none }
            list = found
        } else {
            list = everyone
        }

        var mask: UInt64 = 0
        var wanted: UInt64 = 0
        if let status = query.status {
            mask |= 0b111 << Self.statusShift
            wanted |= UInt64(Self.statuses.firstIndex(of: status)!) << Self.statusShift
        }
        if let decile = query.decile {
            guard (0...15).contains(decile) else { return none }
            mask |= 0b1111 << Self.decileShift
            wanted |= UInt64(decile) << Self.decileShift
        }
        if let ppks = query.ppks {
            guard (1...26).contains(ppks) else { return none }
            mask |= 1 << (Self.ppksShift + UInt64(ppks))
            wanted |= 1 << (Self.ppksShift + UInt64(ppks))
        }
        var interest: UInt16?
        if let tag = query.interest {
            guard let number = tagNumber[tag] else { return none }
            interest = number
        }
        let words = Self.words(TextFolding.fold(query.name ?? "")).prefix(5)
        let whole = range.lowerBound == 0 && range.upperBound == desaCodes.count
        let lower = UInt64(range.lowerBound)
        let upper = UInt64(range.upperBound)
        let coversList = whole || (kabkota.map { desaRange(RegionCode(trusted: $0)) == range } ?? false)

        if words.isEmpty, mask == 0, interest == nil, coversList {
            let start = min(query.offset, list.count)
            let end = min(start + query.perPage, list.count)
            return Page(ids: list[start..<end].map { ids[Int($0.slot)] }, total: list.count)
        }

        let matchers = words.map { matcher(for: String($0)) }
        if matchers.contains(where: { $0.isEmpty }) { return none }
        var exact: [Int32] = []
        var typos: [Int32] = []
        var total = 0
        let pageStart = query.offset
        let pageEnd = query.offset + query.perPage
        var page: [Int32] = []
        list.withUnsafeBufferPointer { entries in
            for entry in entries {
                let packed = entry.attributes
                let desa = packed & Self.desaBits
                guard desa >= lower, desa < upper, packed & mask == wanted else { continue }
                if let interest, !hasInterest(entry, interest) { continue }
                if matchers.isEmpty {
                    if total >= pageStart, total < pageEnd { page.append(entry.slot) }
                    total += 1
                    continue
                }
                switch nameMatch(entry.slot, matchers) {
                case .exact: exact.append(entry.slot)
                case .withTypos: typos.append(entry.slot)
                case .none: continue
                }
            }
        }
        if !matchers.isEmpty {
            total = exact.count + typos.count
            let start = min(pageStart, total)
            let end = min(pageEnd, total)
            page = (start..<end).map { $0 < exact.count ? exact[$0] : typos[$0 - exact.count] }
        }
        return Page(ids: page.map { ids[Int($0)] }, total: total)
    }

    private func hasInterest(_ entry: Ordered, _ tag: UInt16) -> Bool {
        var word = entry.interests
        while word != 0 {
            if UInt16(truncatingIfNeeded: word) == tag { return true }
            word >>= 16
        }
        return entry.attributes & Self.moreInterestsBit != 0 && moreInterests[entry.slot]?.contains(tag) == true
    }

    // MARK: - Names

    /// The vocabulary words one typed word finds: exactly (as a prefix) and with typos.
    struct WordMatcher {
        var exact: [UInt64]
        var withTypos: [UInt64]
        var isEmpty: Bool { !withTypos.contains { $0 != 0 } }

        func contains(_ bits: [UInt64], _ word: UInt32) -> Bool {
            let index = Int(word >> 6)
            return index < bits.count && bits[index] & (1 << UInt64(word & 63)) != 0
        }
    }

    enum NameMatch { case exact, withTypos, none }

    func matcher(for typed: String) -> WordMatcher {
        let size = (vocabulary.count + 63) / 64
        var exact = [UInt64](repeating: 0, count: size)
        // Words starting with `typed`: one range of the sorted vocabulary.
        var low = 0
        var high = wordsInOrder.count
        while low < high {
            let middle = (low + high) / 2
            if vocabulary[Int(wordsInOrder[middle])] < typed { low = middle + 1 } else { high = middle }
        }
        var position = low
        while position < wordsInOrder.count, vocabulary[Int(wordsInOrder[position])].hasPrefix(typed) {
            let word = wordsInOrder[position]
            exact[Int(word >> 6)] |= 1 << UInt64(word & 63)
            position += 1
        }
        let typedScalars = Array(typed.unicodeScalars)
        let limit = NameMatcher.allowedTypos(typedScalars.count)
        guard limit > 0 else { return WordMatcher(exact: exact, withTypos: exact) }
        var withTypos = exact
        for word in 1..<vocabulary.count where withTypos[word >> 6] & (1 << UInt64(word & 63)) == 0 {
            let scalars = vocabularyScalars[word]
            guard scalars.count >= typedScalars.count - limit else { continue }
            if NameMatcher.prefixMatches(typedScalars, scalars, limit: limit) { withTypos[word >> 6] |= 1 << UInt64(word & 63) }
        }
        return WordMatcher(exact: exact, withTypos: withTypos)
    }

    func nameMatch(_ slot: Int32, _ matchers: [WordMatcher]) -> NameMatch {
        let base = Int(slot) * Self.wordsPerSlot
        var allExact = true
        for matcher in matchers {
            var exact = false
            var near = false
            for position in 0..<Self.wordsPerSlot {
                let word = nameWords[base + position]
                if word == 0 { break }
                if matcher.contains(matcher.exact, word) {
                    exact = true
                    break
                }
                if matcher.contains(matcher.withTypos, word) { near = true }
            }
            if !exact, let more = moreWords[slot] {
                for word in more {
                    if matcher.contains(matcher.exact, word) {
                        exact = true
                        break
                    }
                    if matcher.contains(matcher.withTypos, word) { near = true }
                }
            }
            if !exact && !near { return .none }
            allExact = allExact && exact
        }
        return allExact ? .exact : .withTypos
    }

    /// The distinct words of a folded name, in order.
    static func words(_ nameKey: String) -> [Substring] {
        var seen = Set<Substring>()
        return nameKey.split(separator: " ").filter { seen.insert($0).inserted }
    }

    private mutating func word(for text: Substring) -> UInt32 {
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

    private mutating func tag(for text: String) -> UInt16 {
        if let number = tagNumber[text] { return number }
        // More tags than a number holds would be a vocabulary nobody manages; they share the last.
        guard tags.count < Int(UInt16.max) else { return UInt16.max }
        let number = UInt16(tags.count)
        tags.append(text)
        tagNumber[text] = number
        return number
    }

    // MARK: - Order and regions

    private func precedes(_ a: Int32, _ b: Int32) -> Bool {
        let left = names[Int(a)]
        let right = names[Int(b)]
        if left != right { return left < right }
        return niks[Int(a)] < niks[Int(b)]
    }

    private func ordered(_ slot: Int32) -> Ordered {
        Ordered(attributes: attributes[Int(slot)], interests: interestWords[Int(slot)], slot: slot)
    }

    private func kabkota(ofSlot slot: Int32) -> String {
        Self.kabkota(of: desaCodes[Int(attributes[Int(slot)] & Self.desaBits)])
    }

    /// `16.02` of `16.02.03.2001`.
    static func kabkota(of code: String) -> String {
        String(code.split(separator: ".").prefix(2).joined(separator: "."))
    }

    /// The numbers of the desa inside `region`.
    func desaRange(_ region: RegionCode) -> Range<Int> {
        let code = region.rawValue
        if region.level == .desaKelurahan {
            guard let number = desaNumber[code] else { return 0..<0 }
            return Int(number)..<Int(number) + 1
        }
        return lowerBound(code + ".")..<lowerBound(code + "/")
    }

    private func lowerBound(_ code: String) -> Int {
        var low = 0
        var high = desaCodes.count
        while low < high {
            let middle = (low + high) / 2
            if desaCodes[middle] < code { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
