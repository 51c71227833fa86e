/// Where a group sold its products.
public enum SalesChannel: String, Sendable, Codable, CaseIterable {
    case pasarLokal = "pasar_lokal"
    case pengepul
    case tokoOlehOleh = "toko_oleh_oleh"
    case online
    case offtakeMitra = "offtake_mitra"
    case pameran

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.pasarLokal, .id): "Pasar lokal"
        case (.pasarLokal, .en): "Local market"
        case (.pengepul, .id): "Pengepul"
        case (.pengepul, .en): "Collector (pengepul)"
        case (.tokoOlehOleh, .id): "Toko oleh-oleh / Dekranasda"
        case (.tokoOlehOleh, .en): "Souvenir shop / Dekranasda"
        case (.online, .id): "Marketplace online"
        case (.online, .en): "Online marketplace"
        case (.offtakeMitra, .id): "Dibeli mitra (offtake)"
        case (.offtakeMitra, .en): "Partner offtake"
        case (.pameran, .id): "Pameran"
        case (.pameran, .en): "Exhibition"
        }
    }
}

/// Costs of a month besides raw materials.
public enum CostKind: String, Sendable, Codable, CaseIterable {
    case alat, transport, kemasan, lainnya

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.alat, .id): "Alat dan perawatan"
        case (.alat, .en): "Tools and upkeep"
        case (.transport, .id): "Transport"
        case (.transport, .en): "Transport"
        case (.kemasan, .id): "Kemasan"
        case (.kemasan, .en): "Packaging"
        case (.lainnya, .id): "Biaya lain (retribusi, iuran)"
        case (.lainnya, .en): "Other (fees, dues)"
        }
    }
}
