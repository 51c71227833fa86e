import Foundation

/// What is wrong with a month of a group's ledger, or with closing a month, in either language.
public enum LedgerProblem: Equatable, Sendable, LocalizedMessage {
    case monthInFuture(YearMonth)
    case productRequired(line: Int)
    case productTwice(String)
    case unitRequired(String)
    case textTooLong(line: Int)
    case negative(line: Int)
    case tooLarge(line: Int)
    case saleProductRequired(line: Int)
    case saleNegative(line: Int)
    case saleTooLarge(line: Int)
    case priceZero(String)
    case saleExceedsStock(String, sold: Int, available: Int)
    case costNegative
    case costTooLarge
    case allocationNegative
    case allocationWithoutProfit(Rupiah)
    case allocationMismatch(profit: Rupiah, allocated: Rupiah)
    case incomeForNonMember(Int)
    case incomeNegative
    case incomesMismatch(welfare: Rupiah, paid: Rupiah)
    case groupNotActive
    case monthClosed(YearMonth)
    case monthNotClosed(YearMonth)
    case reasonRequired
    case alreadyClosed(YearMonth)
    case monthNotOver(YearMonth)
    case chooseKabkota
    case badNumber(String)
    case tooManyLines(Int)
    case incomeTooLarge
    case badMonth(String)

    /// The form field the problem belongs next to, when there is one.
    public var field: String? {
        switch self {
        case .monthInFuture, .monthClosed, .monthNotOver, .alreadyClosed, .badMonth: "bulan"
        case .allocationNegative, .allocationWithoutProfit, .allocationMismatch: "alokasi"
        case .incomeForNonMember, .incomeNegative, .incomesMismatch, .incomeTooLarge: "pendapatan"
        case .costNegative, .costTooLarge: "biaya"
        case .tooManyLines: "produksi"
        case .reasonRequired: "alasan"
        case .productRequired, .productTwice, .unitRequired, .textTooLong, .negative, .tooLarge: "produksi"
        case .saleProductRequired, .saleNegative, .saleTooLarge, .priceZero, .saleExceedsStock: "penjualan"
        default: nil
        }
    }

    public func message(_ lang: Lang) -> String {
        let id = lang == .id
        switch self {
        case let .monthInFuture(month):
            return id ? "\(month.label(.id)) belum tiba; catat bulan yang sudah berjalan." : "\(month.label(.en)) has not come yet."
        case let .productRequired(line):
            return id ? "Produksi baris \(line): nama produk wajib diisi." : "Production line \(line): the product is required."
        case let .productTwice(name):
            return id ? "Produk \"\(name)\" tercatat dua kali; gabungkan dalam satu baris." : "Product \"\(name)\" is listed twice."
        case let .unitRequired(name):
            return id ? "Satuan untuk \"\(name)\" wajib diisi (mis. buah, lembar, kg)." : "The unit of \"\(name)\" is required."
        case let .textTooLong(line):
            return id ? "Produksi baris \(line): nama produk paling panjang 80 huruf, satuan 20." : "Production line \(line): text too long."
        case let .negative(line):
            return id ? "Produksi baris \(line): jumlah dan biaya tidak boleh negatif." : "Production line \(line): no negative numbers."
        case let .tooLarge(line):
            return id ? "Produksi baris \(line): angka terlalu besar; periksa kembali." : "Production line \(line): number too large."
        case let .saleProductRequired(line):
            return id ? "Penjualan baris \(line): produk wajib diisi." : "Sales line \(line): the product is required."
        case let .saleNegative(line):
            return id ? "Penjualan baris \(line): jumlah dan harga tidak boleh negatif." : "Sales line \(line): no negative numbers."
        case let .saleTooLarge(line):
            return id ? "Penjualan baris \(line): angka terlalu besar; periksa kembali." : "Sales line \(line): number too large."
        case let .priceZero(name):
            return id ? "Harga jual \"\(name)\" masih Rp 0 padahal ada yang terjual." : "\"\(name)\" was sold at a price of Rp 0."
        case let .saleExceedsStock(name, sold, available):
            return id
                ? "Penjualan \"\(name)\" (\(sold)) melebihi stok (\(available): sisa bulan lalu ditambah produksi bulan ini)."
                : "Sales of \"\(name)\" (\(sold)) exceed the stock (\(available): left over plus this month's production)."
        case .costNegative:
            return id ? "Biaya lain tidak boleh negatif." : "Other costs cannot be negative."
        case .costTooLarge:
            return id ? "Biaya lain terlalu besar; periksa kembali." : "Other costs are too large."
        case .allocationNegative:
            return id ? "Alokasi laba tidak boleh negatif." : "Profit allocation cannot be negative."
        case let .allocationWithoutProfit(profit):
            return id
                ? "Bulan ini tidak ada laba (\(profit.formatted)); modal usaha dan IKS harus Rp 0."
                : "There is no profit this month (\(profit.formatted)); capital and IKS must be Rp 0."
        case let .allocationMismatch(profit, allocated):
            return id
                ? "Modal usaha dan IKS (\(allocated.formatted)) melebihi laba \(profit.formatted)."
                : "Capital and IKS (\(allocated.formatted)) exceed the profit of \(profit.formatted)."
        case let .incomeForNonMember(count):
            return id ? "\(count) penerima pendapatan bukan anggota aktif kelompok." : "\(count) income recipients are not active members."
        case .incomeNegative:
            return id ? "Pendapatan anggota tidak boleh negatif." : "A member's income cannot be negative."
        case let .incomesMismatch(welfare, paid):
            return id
                ? "Jumlah pendapatan anggota (\(paid.formatted)) harus sama dengan bagian kesejahteraan anggota (\(welfare.formatted)); kosongkan semua untuk dibagi rata."
                : "Members' incomes (\(paid.formatted)) must add up to the welfare share (\(welfare.formatted)); leave all empty to share equally."
        case .groupNotActive:
            return id ? "Hanya KUBE aktif yang mencatat produksi dan penjualan." : "Only an active KUBE records production and sales."
        case let .monthClosed(month):
            return id
                ? "\(month.label(.id)) sudah ditutup operator. Perubahan dicatat sebagai koreksi oleh operator, dengan alasan."
                : "\(month.label(.en)) is closed. Changes are corrections made by an operator, with a reason."
        case let .monthNotClosed(month):
            return id ? "\(month.label(.id)) belum ditutup; ubah langsung tanpa koreksi." : "\(month.label(.en)) is not closed."
        case .reasonRequired:
            return id ? "Alasan koreksi wajib diisi (5–500 huruf)." : "A reason for the correction is required (5–500 characters)."
        case let .alreadyClosed(month):
            return id ? "\(month.label(.id)) sudah ditutup." : "\(month.label(.en)) is already closed."
        case let .monthNotOver(month):
            return id ? "\(month.label(.id)) belum berakhir; tutup bulan setelah bulan selesai." : "\(month.label(.en)) has not ended yet."
        case .chooseKabkota:
            return id ? "Pilih kabupaten/kota di wilayah Anda." : "Choose a regency/city in your region."
        case let .badNumber(text):
            return id ? "\"\(text)\" bukan angka; tulis angka saja, mis. 25 atau 150000." : "\"\(text)\" is not a number."
        case let .tooManyLines(count):
            return id ? "Paling banyak \(count) baris produksi dan \(count) baris penjualan per bulan." : "At most \(count) lines each."
        case .incomeTooLarge:
            return id ? "Pendapatan anggota terlalu besar; periksa kembali." : "A member's income is too large."
        case let .badMonth(text):
            return id ? "\"\(text)\" bukan bulan; tulis seperti 2026-11." : "\"\(text)\" is not a month (e.g. 2026-11)."
        }
    }
}

public typealias LedgerRuleError = RuleError<LedgerProblem>
