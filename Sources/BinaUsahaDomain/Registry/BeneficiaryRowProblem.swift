/// Why a value of a beneficiary row cannot be stored as given.
public enum BeneficiaryRowProblem: Error, Sendable, Equatable, LocalizedMessage {
    case nik(NIKError)
    case kk(NomorKKError)
    case required(String)
    case badSex(String)
    case badDate(String)
    case futureBirthDate
    case badDesaCode(String)
    case unknownDesa(String)
    case notADesa(String)
    case outsideScope(desa: String, scope: String)
    case badRTRW(String)
    case badPhone(String)
    case unknownPPKS(String)
    case badDecile(String)
    case badYesNo(String)
    case unknownInterest(String)
    case unknownHealth(String)
    case badAssistance(String)
    case duplicateNIK(firstLine: Int)
    /// The NIK belongs to a record outside the importer's region: not changed, not described.
    case registeredElsewhere
    case nameTooLong
    /// A NUL, escape or other invisible control character (tab and line breaks are spaces).
    case controlCharacter
    case columnCount(expected: Int, found: Int)
    case notUTF8
    case unterminatedQuote

    public func message(_ lang: Lang) -> String {
        let id = lang == .id
        switch self {
        case let .nik(error): return error.message(lang)
        case let .kk(error): return error.message(lang)
        case let .required(column): return id ? "kolom \(column) wajib diisi" : "column \(column) is required"
        case let .badSex(value): return id ? "jenis kelamin '\(value)' harus L atau P" : "sex '\(value)' must be L or P"
        case let .badDate(value):
            return id
                ? "tanggal '\(value)' tidak sah (format YYYY-MM-DD, DD-MM-YYYY atau DD/MM/YYYY)"
                : "invalid date '\(value)' (use YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY)"
        case .futureBirthDate: return id ? "tanggal lahir di masa depan" : "birth date lies in the future"
        case let .badDesaCode(value):
            return id ? "kode desa '\(value)' tidak sah (format 16.02.03.2002)" : "invalid desa code '\(value)' (format 16.02.03.2002)"
        case let .unknownDesa(value):
            return id ? "desa/kelurahan \(value) tidak ada di daftar wilayah" : "desa/kelurahan \(value) is not in the region list"
        case let .notADesa(value):
            return id ? "kode \(value) bukan kode desa/kelurahan (harus 4 bagian)" : "code \(value) is not a desa/kelurahan code"
        case let .outsideScope(desa, scope):
            return id ? "desa \(desa) di luar wilayah kerja Anda (\(scope))" : "desa \(desa) is outside your region (\(scope))"
        case let .badRTRW(value): return id ? "RT/RW '\(value)' harus angka (maks. 3 digit)" : "RT/RW '\(value)' must be up to 3 digits"
        case let .badPhone(value):
            return id
                ? "nomor telepon '\(value)' tidak sah (contoh 0812xxxxxxx atau +62812xxxxxxx)"
                : "invalid phone number '\(value)' (e.g. 0812xxxxxxx or +62812xxxxxxx)"
        case let .unknownPPKS(value):
            return id
                ? "kategori PPKS '\(value)' tidak dikenal (nomor 1–26 atau nama, mis. 24 atau Fakir Miskin)"
                : "unknown PPKS category '\(value)' (number 1–26 or name, e.g. 24 or Fakir Miskin)"
        case let .badDecile(value): return id ? "desil '\(value)' harus 1–10 atau kosong" : "decile '\(value)' must be 1–10 or empty"
        case let .badYesNo(value): return id ? "'\(value)' harus ya atau tidak" : "'\(value)' must be ya (yes) or tidak (no)"
        case let .unknownInterest(value):
            return id
                ? "minat '\(value)' tidak ada di daftar minat; admin dapat menambahkannya"
                : "interest '\(value)' is not in the vocabulary; an admin can add it"
        case let .unknownHealth(value):
            let codes = Limitation.health.map(\.rawValue).joined(separator: ", ")
            return id
                ? "kendala kesehatan '\(value)' tidak dikenal; pilih \(codes) atau kosongkan"
                : "unknown health condition '\(value)'; use \(codes) or leave it empty"
        case let .badAssistance(value):
            return id
                ? "bantuan '\(value)' harus PROGRAM:TAHUN, program KUBE, UEP atau PENA (mis. KUBE:2019)"
                : "assistance '\(value)' must be PROGRAMME:YEAR with KUBE, UEP or PENA (e.g. KUBE:2019)"
        case .registeredElsewhere:
            return id
                ? "NIK ini sudah terdaftar pada data yang tidak dapat Anda ubah; baris ini tidak diimpor. Bila orang ini pindah ke wilayah Anda, minta admin provinsi memindahkan datanya."
                : "this NIK is already registered in a record you cannot change; the row was not imported. If this person moved into your region, ask the provincial admin to move the record."
        case let .duplicateNIK(firstLine):
            return id ? "NIK ganda di berkas: sudah ada di baris \(firstLine)" : "duplicate NIK in the file: already on line \(firstLine)"
        case .nameTooLong: return id ? "nama lebih dari 100 karakter" : "name longer than 100 characters"
        case .controlCharacter:
            return id
                ? "berisi karakter kendali yang tidak terlihat (mis. dari salinan sistem lain); ketik ulang nilainya"
                : "contains invisible control characters (e.g. copied from another system); type the value again"
        case let .columnCount(expected, found):
            return id ? "jumlah kolom \(found), seharusnya \(expected)" : "\(found) columns, expected \(expected)"
        case .notUTF8: return id ? "baris ini bukan teks UTF-8 (simpan berkas sebagai CSV UTF-8)" : "this line is not UTF-8 text"
        case .unterminatedQuote: return id ? "tanda kutip tidak ditutup" : "unterminated quote"
        }
    }
}
