/// Findings that do not stop a record from being saved but that someone should look at.
/// NIKs are permanent, so people registered before a region was split keep its old code
/// (DOMAIN.md §3.1): such differences are warnings, never rejections.
public enum RegistryWarning: String, Sendable, Codable, CaseIterable, LocalizedMessage {
    case nikRegionUnknown = "nik_region_unknown"
    case nikBirthDateDiffers = "nik_birth_date_differs"
    case nikSexDiffers = "nik_sex_differs"
    case kkRegionUnknown = "kk_region_unknown"

    public func message(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.nikRegionUnknown, .id): "kode wilayah di NIK tidak dikenal (mungkin wilayah lama sebelum pemekaran)"
        case (.nikRegionUnknown, .en): "the region code in the NIK is unknown (perhaps a region before a split)"
        case (.nikBirthDateDiffers, .id): "tanggal lahir berbeda dengan tanggal di NIK"
        case (.nikBirthDateDiffers, .en): "the birth date differs from the date in the NIK"
        case (.nikSexDiffers, .id): "jenis kelamin berbeda dengan yang tersirat di NIK"
        case (.nikSexDiffers, .en): "the sex differs from the one implied by the NIK"
        case (.kkRegionUnknown, .id): "kode wilayah di nomor KK tidak dikenal"
        case (.kkRegionUnknown, .en): "the region code in the KK number is unknown"
        }
    }
}
