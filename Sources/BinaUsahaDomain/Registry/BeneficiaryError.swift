import Foundation

/// Why a single create, update or delete was refused.
public enum BeneficiaryError: Error, Equatable, Sendable, LocalizedMessage {
    case invalid([ImportProblem<BeneficiaryRowProblem>])
    case nikTaken
    case notFound
    case staleVersion
    case badStatus(String)
    /// *aktif* follows KUBE membership (activation, leaving), not the form.
    case statusFollowsGroup
    /// A KUBE member (or former member) cannot be deleted.
    case inGroup(UUID, name: String)
    /// A deletion without a usable reason (5–500 characters).
    case reasonRequired
    /// Restoring after the 30 days (or a record that is not in the "Dihapus" list).
    case notRestorable

    /// Refusals caused by the state of the data (someone else's change, an existing record),
    /// answered 409; the others are bad input, answered 422.
    public var isConflict: Bool {
        switch self {
        case .nikTaken, .staleVersion, .inGroup: true
        case .invalid, .notFound, .badStatus, .statusFollowsGroup, .reasonRequired, .notRestorable: false
        }
    }

    public func message(_ lang: Lang) -> String {
        switch (self, lang) {
        case let (.invalid(problems), _): problems.map { "\($0.column.map { "\($0): " } ?? "")\($0.message(lang))" }.joined(separator: "; ")
        case (.nikTaken, .id): "NIK ini sudah terdaftar di register. Bila orang ini pindah ke wilayah Anda, minta admin provinsi memindahkan datanya."
        case (.nikTaken, .en):
            "This NIK is already in the register. If this person moved into your region, ask the provincial admin to move the record."
        case let (.badStatus(text), .id): "Status '\(text)' tidak dikenal (calon, mandiri atau keluar)."
        case let (.badStatus(text), .en): "Unknown status '\(text)' (calon, mandiri or keluar)."
        case (.statusFollowsGroup, .id):
            "Status Aktif mengikuti keanggotaan KUBE: seseorang aktif bila menjadi anggota KUBE yang aktif, dan berubah saat ia keluar. Ubah keanggotaannya di halaman kelompok."
        case (.statusFollowsGroup, .en):
            "Status Active follows KUBE membership: a person is active while a member of an active KUBE, and changes when they leave. Change the membership on the group's page."
        case let (.inGroup(_, name), .id):
            "Data ini tidak dapat dihapus karena orang ini tercatat sebagai anggota \(name). Riwayat kelompok harus tetap utuh."
        case let (.inGroup(_, name), .en):
            "This record cannot be deleted: the person is recorded as a member of \(name), and the group's history must stay whole."
        case (.reasonRequired, .id): "Tuliskan alasan penghapusan (5–500 karakter), misalnya \"salah input, orang yang sama dengan NIK …\"."
        case (.reasonRequired, .en): "Give the reason for deleting (5–500 characters), e.g. \"entered twice, same person as NIK …\"."
        case (.notRestorable, .id): "Data ini tidak ada lagi di daftar Dihapus: lebih dari 30 hari sejak dihapus, atau sudah dipulihkan."
        case (.notRestorable, .en): "This record is no longer in the Deleted list: more than 30 days have passed, or it was restored already."
        case (.notFound, .id): "Data penerima manfaat tidak ditemukan."
        case (.notFound, .en): "Beneficiary not found."
        case (.staleVersion, .id):
            "Data ini sudah diubah orang lain sejak Anda membukanya. Muat ulang untuk melihat versi terbaru, lalu ulangi perubahan Anda."
        case (.staleVersion, .en): "Someone else changed this record since you opened it. Reload to see the latest version, then redo your change."
        }
    }
}
