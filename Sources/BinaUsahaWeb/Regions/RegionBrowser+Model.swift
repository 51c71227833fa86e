import BinaUsahaDomain

/// The region browser: one region (or the list of provinces) with the regions below it.
enum RegionBrowser {
    struct Crumb {
        var name: String
        var href: String?
    }

    struct Row {
        var code: String
        var name: String
        var kind: String
        var childCount: String
        var href: String
    }

    struct Model {
        var title: String
        var code: String?
        var kind: String?
        var crumbs: [Crumb]
        var childrenHeading: String?
        var rows: [Row]
        /// Shown instead of the table when there are no children.
        var emptyMessage: String?
        var importCommand: String?
        var potentials: RegionPotentials?
        var crafts: RegionCrafts?
        var notice: String?
    }
}

extension RegionBrowser.Model {
    init(region: Region?, lineage: [Region], children: [RegionWithChildCount], t: Messages) {
        let childLevel = region?.level.childLevel ?? .provinsi
        title = region.map { "\(t.kind($0.kind)) \(Self.shortName($0))" } ?? t(.regionsTitle)
        code = region?.code.rawValue
        kind = region.map { t.kind($0.kind) }
        var crumbs = [RegionBrowser.Crumb(name: t(.regionsTitle), href: Site.regions)]
        crumbs += lineage.map { .init(name: Self.shortName($0), href: Site.region($0.code)) }
        crumbs[crumbs.count - 1].href = nil
        self.crumbs = crumbs
        // A desa has no regions below it: no heading and no empty table ("Provinsi di Pedamaran I").
        childrenHeading =
            region?.level == .desaKelurahan
            ? nil : region.map { t(.regionsChildrenHeading, t.level(childLevel), Self.shortName($0)) } ?? t.level(.provinsi)
        rows = children.map {
            .init(
                code: $0.region.code.rawValue, name: $0.region.name, kind: t.kind($0.region.kind),
                childCount: $0.childCount.formattedID, href: Site.region($0.region.code))
        }
        if children.isEmpty, let region, region.level != .desaKelurahan {
            emptyMessage = t(.regionsEmpty, Self.shortName(region))
            importCommand = region.level == .desaKelurahan ? nil : Self.importFile(for: childLevel)
        }
    }

    /// "Ogan Komering Ilir" for "Kabupaten Ogan Komering Ilir": the kind is shown separately.
    static func shortName(_ region: Region) -> String {
        for prefix in ["Kabupaten ", "Kota "] where region.name.hasPrefix(prefix) {
            return String(region.name.dropFirst(prefix.count))
        }
        return region.name
    }

    static func importFile(for level: RegionLevel) -> String {
        switch level {
        case .provinsi: "binausaha regions import provinces.csv"
        case .kabupatenKota: "binausaha regions import regencies.csv"
        case .kecamatan: "binausaha regions import districts_16.csv"
        case .desaKelurahan: "binausaha regions import villages_16.csv"
        }
    }
}
