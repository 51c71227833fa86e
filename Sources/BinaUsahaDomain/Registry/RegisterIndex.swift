import Foundation

/// The register's list, held in memory so that any page of any filter combination is answered
/// in milliseconds at a million people: every person's filterable attributes packed into two
/// words, kept in list order (name, then NIK) for the whole province and for each kab/kota,
/// with the words of their names beside them for typo-tolerant name search. It answers *which
/// people, in which order, how many* — the rows of a page are then read from the database by id.
///
/// The index is a value: the persistence layer keeps one per application, brings it up to date
/// with the database's register generation before answering, and guards it with a lock.
/// Searching is in `RegisterIndex+Search.swift`, names in `RegisterIndex+Names.swift`.
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

    /// People in list order, with the first `wordsPerEntry` words of each name beside them.
    struct OrderList {
        var entries: [Ordered] = []
        var words: [UInt32] = []

        var count: Int { entries.count }

        mutating func append(_ entry: Ordered, _ nameWords: [UInt32]) {
            entries.append(entry)
            words.append(contentsOf: nameWords)
        }

        mutating func insert(_ entry: Ordered, _ nameWords: [UInt32], at position: Int) {
            entries.insert(entry, at: position)
            words.insert(contentsOf: nameWords, at: position * RegisterIndex.wordsPerEntry)
        }

        mutating func remove(at position: Int) {
            entries.remove(at: position)
            let start = position * RegisterIndex.wordsPerEntry
            words.removeSubrange(start..<start + RegisterIndex.wordsPerEntry)
        }
    }

    // Bits of `attributes`: desa number (20), status (3), decile (4, 0 = none), PPKS (bit 27 + p
    // for category p in 1…26), and whether the person has more interests or name words than
    // the entry holds.
    static let desaBits: UInt64 = (1 << 20) - 1
    static let statusShift: UInt64 = 20
    static let decileShift: UInt64 = 23
    static let ppksShift: UInt64 = 27
    static let moreInterestsBit: UInt64 = 1 << 55
    static let moreWordsBit: UInt64 = 1 << 56
    static let wordsPerEntry = 4
    static let interestsPerEntry = 4
    static let statuses = BeneficiaryStatus.allCases
    static let noID = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    // Desa, sorted by code, so that the desa of any region are one range of numbers.
    var desaCodes: [String] = []
    var desaNumber: [String: UInt32] = [:]
    var desaCounts: [Int] = []

    // Per person (slot).
    var ids: [UUID] = []
    var names: [String] = []
    /// NIKs as numbers (16 digits fit), only to order people of one name.
    var niks: [UInt64] = []
    var attributes: [UInt64] = []
    var interestWords: [UInt64] = []
    var moreWords: [Int32: [UInt32]] = [:]
    var moreInterests: [Int32: [UInt16]] = [:]
    var slotOf: [UUID: Int32] = [:]
    var freeSlots: [Int32] = []

    // List orders.
    var everyone = OrderList()
    var byKabkota: [String: OrderList] = [:]

    // Vocabularies: words of names (id 0 unused) and interest tags (0 = none).
    var vocabulary: [String] = [""]
    var vocabularyScalars: [[Unicode.Scalar]] = [[]]
    var wordNumber: [String: UInt32] = [:]
    var wordsInOrder: [UInt32] = []
    var tags: [String] = [""]
    var tagNumber: [String: UInt16] = [:]

    init() {}

    /// The index of `entries`, knowing every desa in `desa` (people may live in more).
    public init(desa: [RegionCode], entries: [RegisterEntry]) {
        var builder = Builder(desa: desa + entries.map(\.desa), expectedCount: entries.count)
        for entry in entries { builder.add(entry) }
        self = builder.finish()
    }

    /// How many people the index holds.
    public var count: Int { everyone.count }

    /// People living in `scope` (everyone when nil).
    public func count(in scope: RegionCode?) -> Int {
        guard let scope else { return everyone.count }
        return desaCounts[desaRange(scope)].reduce(0, +)
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
                insert(store(entry, in: newSlot()))
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
        everyone = merge(everyone, without: changed, adding: added)
        let addedByKabkota = Dictionary(grouping: added) { kabkota(ofSlot: $0) }
        for key in Set(addedByKabkota.keys).union(byKabkota.keys) {
            byKabkota[key] = merge(byKabkota[key] ?? OrderList(), without: changed, adding: addedByKabkota[key] ?? [])
        }
        return true
    }

    mutating func newSlot() -> Int32 {
        if let slot = freeSlots.popLast() { return slot }
        let slot = Int32(ids.count)
        ids.append(Self.noID)
        names.append("")
        niks.append(0)
        attributes.append(0)
        interestWords.append(0)
        return slot
    }

    /// Writes the entry's attributes into `slot` and counts it in its desa.
    mutating func store(_ entry: RegisterEntry, in slot: Int32) -> Int32 {
        let index = Int(slot)
        let desa = desaNumber[entry.desa.rawValue]!
        ids[index] = entry.id
        names[index] = entry.nameKey
        niks[index] = UInt64(entry.nik) ?? UInt64.max
        slotOf[entry.id] = slot
        desaCounts[Int(desa)] += 1

        var packed = UInt64(desa)
        packed |= UInt64(Self.statuses.firstIndex(of: entry.status)!) << Self.statusShift
        packed |= UInt64(entry.decile.map { min(max($0, 0), 15) } ?? 0) << Self.decileShift
        for category in entry.ppks where (1...26).contains(category) { packed |= 1 << (Self.ppksShift + UInt64(category)) }
        let tagNumbers = entry.interests.map { tag(for: $0) }
        var interests: UInt64 = 0
        for (position, number) in tagNumbers.prefix(Self.interestsPerEntry).enumerated() {
            interests |= UInt64(number) << (16 * UInt64(position))
        }
        moreInterests[slot] = nil
        if tagNumbers.count > Self.interestsPerEntry {
            packed |= Self.moreInterestsBit
            moreInterests[slot] = Array(tagNumbers.dropFirst(Self.interestsPerEntry))
        }
        let words = Self.words(entry.nameKey).map { word(for: $0) }
        moreWords[slot] = nil
        if words.count > Self.wordsPerEntry {
            packed |= Self.moreWordsBit
            moreWords[slot] = Array(words.dropFirst(Self.wordsPerEntry))
        }
        attributes[index] = packed
        interestWords[index] = interests
        return slot
    }

    /// Forgets the person in `slot` (not the orders: the caller removes it there).
    mutating func release(_ slot: Int32) {
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
        removeOrdered(slot, from: &everyone)
        if var list = byKabkota.removeValue(forKey: key) {
            removeOrdered(slot, from: &list)
            byKabkota[key] = list
        }
        release(slot)
    }

    private mutating func insert(_ slot: Int32) {
        let entry = ordered(slot)
        let words = entryWords(slot)
        everyone.insert(entry, words, at: position(of: slot, in: everyone))
        let key = kabkota(ofSlot: slot)
        var list = byKabkota.removeValue(forKey: key) ?? OrderList()
        list.insert(entry, words, at: position(of: slot, in: list))
        byKabkota[key] = list
    }

    private func position(of slot: Int32, in list: OrderList) -> Int {
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) / 2
            if precedes(list.entries[middle].slot, slot) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private func removeOrdered(_ slot: Int32, from list: inout OrderList) {
        var index = position(of: slot, in: list)
        while index < list.count, list.entries[index].slot != slot, !precedes(slot, list.entries[index].slot) { index += 1 }
        if index < list.count, list.entries[index].slot == slot {
            list.remove(at: index)
        } else if let found = list.entries.firstIndex(where: { $0.slot == slot }) {
            list.remove(at: found)
        }
    }

    private func merge(_ list: OrderList, without changed: Set<Int32>, adding added: [Int32]) -> OrderList {
        var result = OrderList()
        result.entries.reserveCapacity(list.count + added.count)
        result.words.reserveCapacity((list.count + added.count) * Self.wordsPerEntry)
        var next = 0
        for (position, entry) in list.entries.enumerated() where !changed.contains(entry.slot) {
            while next < added.count, precedes(added[next], entry.slot) {
                result.append(ordered(added[next]), entryWords(added[next]))
                next += 1
            }
            let start = position * Self.wordsPerEntry
            result.entries.append(entry)
            result.words.append(contentsOf: list.words[start..<start + Self.wordsPerEntry])
        }
        while next < added.count {
            result.append(ordered(added[next]), entryWords(added[next]))
            next += 1
        }
        return result
    }

    // MARK: - Order and regions

    func precedes(_ a: Int32, _ b: Int32) -> Bool {
        let left = names[Int(a)]
        let right = names[Int(b)]
        if left != right { return left < right }
        return niks[Int(a)] < niks[Int(b)]
    }

    func ordered(_ slot: Int32) -> Ordered {
        Ordered(attributes: attributes[Int(slot)], interests: interestWords[Int(slot)], slot: slot)
    }

    func kabkota(ofSlot slot: Int32) -> String {
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
