import Foundation

/// Capital assistance (bantuan stimulan) paid to a group.
public struct Assistance: Sendable, Equatable {
    public enum Form: String, Sendable, Codable, CaseIterable {
        case tunai, barang
        public func label(_ lang: Lang) -> String {
            switch (self, lang) {
            case (.tunai, .id): "Tunai (rekening kelompok)"
            case (.barang, .id): "Barang"
            case (.tunai, .en): "Cash (group account)"
            case (.barang, .en): "Goods"
            }
        }
    }

    public enum Source: String, Sendable, Codable, CaseIterable {
        case apbnKemensos = "apbn_kemensos", apbdProvinsi = "apbd_provinsi", apbdKabkota = "apbd_kabkota", csr, lainnya

        public func label(_ lang: Lang) -> String {
            switch (self, lang) {
            case (.apbnKemensos, _): "APBN Kemensos"
            case (.apbdProvinsi, _): "APBD Provinsi"
            case (.apbdKabkota, _): "APBD Kab/Kota"
            case (.csr, _): "CSR"
            case (.lainnya, .id): "Lainnya"
            case (.lainnya, .en): "Other"
            }
        }
    }

    public var id: UUID
    public var group: UUID
    public var date: CivilDate
    public var amount: Rupiah
    public var form: Form
    public var source: Source
    /// Budget-plan (RAB) items for goods, one per line.
    public var rabItems: String
    public var receipt: String
    public var programme: UUID?

    public init(
        id: UUID = UUID(), group: UUID, date: CivilDate, amount: Rupiah, form: Form, source: Source, rabItems: String = "",
        receipt: String, programme: UUID? = nil
    ) {
        self.id = id
        self.group = group
        self.date = date
        self.amount = amount
        self.form = form
        self.source = source
        self.rabItems = rabItems
        self.receipt = receipt
        self.programme = programme
    }

    public func problems() -> [GroupProblem] {
        var problems: [GroupProblem] = []
        if amount.amount <= 0 { problems.append(.assistanceAmountZero) }
        if amount.amount > 10_000_000_000 { problems.append(.assistanceAmountTooLarge) }
        if receipt.trimmingCharacters(in: .whitespaces).isEmpty { problems.append(.receiptRequired) }
        if form == .barang && rabItems.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append(.rabRequired)
        }
        return problems
    }
}
