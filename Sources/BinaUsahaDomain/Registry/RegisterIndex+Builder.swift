import Foundation

extension RegisterIndex {
    /// Builds an index from people read a page at a time, without holding them all first.
    public struct Builder: Sendable {
        private var building: RegisterIndex
        private var pending: [RegisterEntry] = []

        public init(desa: [RegionCode], expectedCount: Int = 0) {
            building = RegisterIndex()
            building.desaCodes = Set(desa.map(\.rawValue)).sorted()
            for (number, code) in building.desaCodes.enumerated() { building.desaNumber[code] = UInt32(number) }
            building.desaCounts = [Int](repeating: 0, count: building.desaCodes.count)
            building.ids.reserveCapacity(expectedCount)
            building.names.reserveCapacity(expectedCount)
            building.niks.reserveCapacity(expectedCount)
            building.attributes.reserveCapacity(expectedCount)
            building.interestWords.reserveCapacity(expectedCount)
            building.slotOf.reserveCapacity(expectedCount)
        }

        /// Adds one person; one in a desa not given at the start waits for `finish()`.
        public mutating func add(_ entry: RegisterEntry) {
            guard building.desaNumber[entry.desa.rawValue] != nil else {
                pending.append(entry)
                return
            }
            if let existing = building.slotOf[entry.id] { building.release(existing) }
            _ = building.store(entry, in: building.newSlot())
        }

        /// The finished index: people in list order.
        public mutating func finish() -> RegisterIndex {
            if !pending.isEmpty {
                var rebuilt = Builder(desa: building.desaCodes.map(RegionCode.init(trusted:)) + pending.map(\.desa))
                for slot in building.slotOf.values.sorted() { rebuilt.add(building.entry(slot)) }
                for entry in pending { rebuilt.add(entry) }
                return rebuilt.finish()
            }
            let order = building.slotOf.values.sorted { building.precedes($0, $1) }
            var everyone = OrderList()
            everyone.entries.reserveCapacity(order.count)
            everyone.words.reserveCapacity(order.count * RegisterIndex.wordsPerEntry)
            var byKabkota: [String: OrderList] = [:]
            for (key, count) in Dictionary(grouping: order, by: { building.kabkota(ofSlot: $0) }).mapValues(\.count) {
                var list = OrderList()
                list.entries.reserveCapacity(count)
                list.words.reserveCapacity(count * RegisterIndex.wordsPerEntry)
                byKabkota[key] = list
            }
            for slot in order {
                let entry = building.ordered(slot)
                let words = building.entryWords(slot)
                everyone.append(entry, words)
                byKabkota[building.kabkota(ofSlot: slot), default: OrderList()].append(entry, words)
            }
            building.everyone = everyone
            building.byKabkota = byKabkota
            return building
        }
    }

    /// The entry in `slot`, read back (only when a build must start again).
    func entry(_ slot: Int32) -> RegisterEntry {
        let index = Int(slot)
        let packed = attributes[index]
        var interests: [String] = []
        var word = interestWords[index]
        while word != 0 {
            interests.append(tags[Int(UInt16(truncatingIfNeeded: word))])
            word >>= 16
        }
        interests += (moreInterests[slot] ?? []).map { tags[Int($0)] }
        let decile = Int((packed >> Self.decileShift) & 0b1111)
        return RegisterEntry(
            id: ids[index], nameKey: names[index], nik: niks[index] == UInt64.max ? "" : String(format: "%016llu", niks[index]),
            desa: RegionCode(trusted: desaCodes[Int(packed & Self.desaBits)]),
            status: Self.statuses[Int((packed >> Self.statusShift) & 0b111)], decile: decile == 0 ? nil : decile,
            ppks: (1...26).filter { packed & (1 << (Self.ppksShift + UInt64($0))) != 0 }, interests: interests)
    }
}
