import Foundation

extension RegisterIndex {
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
        let list: OrderList
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
        let niks = query.nikRange
        if let niks, niks.isEmpty { return none }
        let typed = Self.words(TextFolding.fold(query.name ?? "")).prefix(5).map(String.init)
        let coversList =
            (range.lowerBound == 0 && range.upperBound == desaCodes.count)
            || (kabkota.map { desaRange(RegionCode(trusted: $0)) == range } ?? false)

        // The whole list of a region, unfiltered: a slice, whatever the page number.
        if typed.isEmpty, mask == 0, interest == nil, niks == nil, coversList {
            let start = min(query.offset, list.count)
            let end = min(start + query.perPage, list.count)
            return Page(ids: list.entries[start..<end].map { ids[Int($0.slot)] }, total: list.count)
        }
        let lower = UInt64(range.lowerBound)
        let upper = UInt64(range.upperBound)
        func passes(_ entry: Ordered) -> Bool {
            let desa = entry.attributes & Self.desaBits
            guard desa >= lower, desa < upper, entry.attributes & mask == wanted else { return false }
            if let niks, !niks.contains(self.niks[Int(entry.slot)]) { return false }
            return interest.map { hasInterest(entry, $0) } ?? true
        }

        let pageStart = query.offset
        let pageEnd = query.offset + query.perPage
        guard !typed.isEmpty else {
            var total = 0
            var page: [UUID] = []
            list.entries.withUnsafeBufferPointer { entries in
                for entry in entries where passes(entry) {
                    if total >= pageStart, total < pageEnd { page.append(ids[Int(entry.slot)]) }
                    total += 1
                }
            }
            return Page(ids: page, total: total)
        }

        let names = nameQuery(typed)
        guard !names.findsNothing else { return none }
        var exact: [Int32] = []
        var withTypos: [Int32] = []
        list.entries.withUnsafeBufferPointer { entries in
            list.words.withUnsafeBufferPointer { words in
                names.exact.withUnsafeBufferPointer { exactBits in
                    names.near.withUnsafeBufferPointer { nearBits in
                        for (position, entry) in entries.enumerated() where passes(entry) {
                            switch nameMatch(words, at: position, entry, names, exact: exactBits, near: nearBits) {
                            case .exact: exact.append(entry.slot)
                            case .withTypos: withTypos.append(entry.slot)
                            case .none: continue
                            }
                        }
                    }
                }
            }
        }
        let total = exact.count + withTypos.count
        let page = (min(pageStart, total)..<min(pageEnd, total)).map { $0 < exact.count ? exact[$0] : withTypos[$0 - exact.count] }
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
}
