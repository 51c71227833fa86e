import Foundation

/// What is wrong with a partner, a commitment or a realisation, in either language.
public enum PartnerProblem: Equatable, Sendable, LocalizedMessage {
    case nameRequired
    case textTooLong
    case badPhone
    case badEmail
    case chooseRegions
    case regionOutside
    case descriptionRequired
    case valueRequired
    case valueTooLarge
    case periodBackwards
    case kabkotaNotServed
    case groupOutsideKabkota
    case programmeOtherKabkota
    case realisationExceeds(outstanding: Rupiah)
    case realisationInFuture
    case realisationBeforeStart(CivilDate)
    case notAMitraAccount
    case badAmount(String)
    case badDate(String)
    case quantityRange
    case unitRequired

    public func message(_ lang: Lang) -> String {
        let id = lang == .id
        switch self {
        case .nameRequired: return id ? "Nama mitra wajib diisi." : "The partner's name is required."
        case .textTooLong: return id ? "Teks terlalu panjang; persingkat." : "Text too long."
        case .badPhone: return id ? "Nomor telepon 8–15 angka, boleh diawali +." : "A phone number has 8–15 digits."
        case .badEmail: return id ? "Alamat surel tidak valid." : "Not a valid e-mail address."
        case .chooseRegions: return id ? "Pilih minimal satu kabupaten/kota tempat mitra bekerja." : "Choose at least one regency/city."
        case .regionOutside: return id ? "Kabupaten/kota di luar wilayah Anda." : "A regency/city outside your region."
        case .descriptionRequired: return id ? "Uraian komitmen wajib diisi." : "Describe the commitment."
        case .valueRequired: return id ? "Nilai komitmen harus lebih dari Rp 0." : "The value must be more than Rp 0."
        case .valueTooLarge: return id ? "Nilai terlalu besar; periksa kembali." : "The value is too large."
        case .periodBackwards: return id ? "Tanggal selesai tidak boleh sebelum tanggal mulai." : "The end date is before the start."
        case .kabkotaNotServed:
            return id ? "Mitra ini tidak tercatat bekerja di kabupaten/kota tersebut." : "The partner does not work in that regency/city."
        case .groupOutsideKabkota:
            return id ? "Kelompok yang didukung harus KUBE di kabupaten/kota komitmen." : "Supported groups must be in the commitment's regency/city."
        case .programmeOtherKabkota:
            return id ? "Program harus milik kabupaten/kota komitmen." : "The programme must be of the commitment's regency/city."
        case let .realisationExceeds(outstanding):
            return id
                ? "Realisasi melebihi sisa komitmen (\(outstanding.formatted)); catat komitmen tambahan bila memang bertambah."
                : "The realisation exceeds what is outstanding (\(outstanding.formatted))."
        case .realisationInFuture: return id ? "Tanggal realisasi belum tiba." : "The realisation date is in the future."
        case let .realisationBeforeStart(date):
            return id ? "Realisasi sebelum komitmen dimulai (\(date.long(.id)))." : "The realisation is before the commitment starts."
        case .notAMitraAccount: return id ? "Pilih akun dengan peran Mitra." : "Choose an account with the partner role."
        case let .badAmount(text): return id ? "\"\(text)\" bukan jumlah rupiah." : "\"\(text)\" is not an amount."
        case let .badDate(text): return id ? "\"\(text)\" bukan tanggal." : "\"\(text)\" is not a date."
        case .quantityRange: return id ? "Jumlah barang/orang 1–10.000.000." : "The quantity is 1–10,000,000."
        case .unitRequired: return id ? "Tulis satuannya (mis. unit, orang, buah)." : "Give the unit (e.g. pieces, people)."
        }
    }
}

public typealias PartnerRuleError = RuleError<PartnerProblem>
