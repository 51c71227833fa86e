/// Why a single create, update or delete was refused.
public enum BeneficiaryError: Error, Equatable, Sendable, LocalizedMessage {
    case invalid([ImportProblem<BeneficiaryRowProblem>])
    case nikTaken
    case notFound
    case staleVersion

    public func message(_ lang: Lang) -> String {
        switch (self, lang) {
        case let (.invalid(problems), _): problems.map { "\($0.column.map { "\($0): " } ?? "")\($0.message(lang))" }.joined(separator: "; ")
        case (.nikTaken, .id): "NIK ini sudah terdaftar untuk orang lain."
        case (.nikTaken, .en): "This NIK is already registered to someone else."
        case (.notFound, .id): "Data penerima manfaat tidak ditemukan."
        case (.notFound, .en): "Beneficiary not found."
        case (.staleVersion, .id): "Data ini sudah diubah orang lain sejak Anda membukanya. Muat ulang untuk melihat versi terbaru, lalu ulangi perubahan Anda."
        case (.staleVersion, .en): "Someone else changed this record since you opened it. Reload to see the latest version, then redo your change."
        }
    }
}
