/// What a region is called. The kind follows from the code (Permendagri 58/2021): a regency
/// segment 01–69 is a kabupaten, 71–99 a kota; a village segment starting with 1 is a
/// kelurahan, 2 a desa, 3 a desa adat.
public enum RegionKind: String, Sendable, Codable, CaseIterable {
    case provinsi
    case kabupaten
    case kota
    case kecamatan
    case desa
    case kelurahan
    case desaAdat = "desa_adat"

    public var level: RegionLevel {
        switch self {
        case .provinsi: .provinsi
        case .kabupaten, .kota: .kabupatenKota
        case .kecamatan: .kecamatan
        case .desa, .kelurahan, .desaAdat: .desaKelurahan
        }
    }

    /// The kind a code implies, or `nil` when its segment is outside the coded ranges.
    public static func implied(by code: RegionCode) -> RegionKind? {
        let last = code.segments.last ?? ""
        switch code.level {
        case .provinsi: return .provinsi
        case .kecamatan: return .kecamatan
        case .kabupatenKota:
            guard let n = Int(last) else { return nil }
            if (1...69).contains(n) { return .kabupaten }
            if (71...99).contains(n) { return .kota }
            return nil
        case .desaKelurahan:
            switch last.first {
            case "1": return .kelurahan
            case "2": return .desa
            case "3": return .desaAdat
            default: return nil
            }
        }
    }
}
