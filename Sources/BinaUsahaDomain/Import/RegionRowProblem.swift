/// Why a row of a region file was refused.
public enum RegionRowProblem: Error, Sendable, Equatable, LocalizedMessage {
    case badCode(RegionCodeError)
    case wrongLevel(expected: RegionLevel, found: RegionLevel)
    case parentMismatch(parent: String, code: String)
    case unknownParent(String)
    case duplicateCode(firstLine: Int)
    case emptyName
    case unknownKind(String)
    case kindMismatch(kind: String, code: String)
    case codeOutsideRanges(String)
    case columnCount(expected: Int, found: Int)
    case notUTF8
    case unterminatedQuote

    public func message(_ language: Lang) -> String {
        let id = language == .id
        switch self {
        case let .badCode(error): return error.message(language)
        case let .wrongLevel(expected, found):
            return id
                ? "tingkat wilayah salah: berkas ini berisi \(expected.nameID), baris ini \(found.nameID)"
                : "wrong level: this file holds \(expected.rawValue), this row is \(found.rawValue)"
        case let .parentMismatch(parent, code):
            return id
                ? "kode induk '\(parent)' tidak cocok dengan kode '\(code)'"
                : "parent code '\(parent)' does not match code '\(code)'"
        case let .unknownParent(parent):
            return id
                ? "wilayah induk '\(parent)' tidak ada di berkas maupun di basis data"
                : "parent region '\(parent)' is neither in the file nor in the database"
        case let .duplicateCode(firstLine):
            return id ? "kode ganda: sudah ada di baris \(firstLine)" : "duplicate code: already on line \(firstLine)"
        case .emptyName: return id ? "nama wilayah kosong" : "region name is empty"
        case let .unknownKind(kind):
            return id
                ? "jenis wilayah '\(kind)' tidak dikenal (kabupaten, kota, desa, kelurahan, desa_adat)"
                : "unknown region kind '\(kind)' (kabupaten, kota, desa, kelurahan, desa_adat)"
        case let .kindMismatch(kind, code):
            return id ? "jenis '\(kind)' tidak sesuai dengan kode '\(code)'" : "kind '\(kind)' does not fit code '\(code)'"
        case let .codeOutsideRanges(code):
            return id ? "kode '\(code)' di luar rentang kode Kemendagri" : "code '\(code)' is outside the Kemendagri ranges"
        case let .columnCount(expected, found):
            return id ? "jumlah kolom \(found), seharusnya \(expected)" : "\(found) columns, expected \(expected)"
        case .notUTF8:
            return id
                ? "baris ini bukan teks UTF-8 (simpan berkas sebagai CSV UTF-8)"
                : "this line is not UTF-8 text (save the file as CSV UTF-8)"
        case .unterminatedQuote:
            return id ? "tanda kutip tidak ditutup" : "unterminated quote"
        }
    }
}

extension RegionLevel {
    /// The level's name in Indonesian, as used in messages.
    public var nameID: String {
        switch self {
        case .provinsi: "provinsi"
        case .kabupatenKota: "kabupaten/kota"
        case .kecamatan: "kecamatan"
        case .desaKelurahan: "desa/kelurahan"
        }
    }
}
