import Foundation

/// A rule of groups and coaching that a change breaks (Permensos 2/2019 for KUBE, the
/// office's own for programmes, sessions and assistance), explained in either language.
public enum GroupProblem: Equatable, Sendable, LocalizedMessage {
    // Members and officers
    case activeSize(minimum: Int, maximum: Int, now: Int)
    case officerMissing(MemberRole)
    case officerRepeated(MemberRole, count: Int?)
    case memberOutsideKecamatan
    case familyRepeated(families: Int)
    case dissolved
    case activeElsewhere
    case alreadyMember
    case notActiveMember
    case leaveReasonRequired
    case leaveBeforeJoining
    case leaveInFuture
    case someoneActiveElsewhere
    case onlyDraftActivates
    case nikNotInRegion
    case chooseMember
    // Stages
    case stageOnlyActive
    case stageReasonRequired
    case stageIndicatorsMissing(to: KUBEStage, from: KUBEStage, missing: [StageIndicator])
    case developingIndicatorsMissing([StageIndicator])
    // Group details
    case nameRequired
    case nameTooLong
    case badPendamping
    case chooseSkill
    case chooseDesa
    case desaOutside(String)
    case dissolveReasonRequired
    // Programmes
    case programmeNameRequired
    case programmeKabkota
    case programmeYear
    case programmeDates
    case programmeNegative
    case unknownSkills([String])
    case groupNotInProgrammeRegion
    // Sessions and attendance
    case chooseGroups
    case groupTwice
    case chooseActiveGroups
    case sessionTwoKabkota
    case programmeOtherKabkota
    case sessionOutsideProgramme(CivilDate, CivilDate)
    case programmeNotFound
    case sessionHours
    case placeRequired
    case topicRequired
    case notYetBegun(Date)
    case strangersOnRoster(Int)
    case rosterIncomplete(Int)
    // Assistance
    case assistanceAmountZero
    case assistanceAmountTooLarge
    case receiptRequired
    case rabRequired
    case assistanceInFuture
    case programmeNotInGroupKabkota
    // What a form sent that cannot be read
    case badChoice(String)
    case badDate(String)
    case badAmount(String)

    public func message(_ lang: Lang) -> String {
        let id = lang == .id
        switch self {
        case let .activeSize(minimum, maximum, now):
            return id
                ? "KUBE aktif harus beranggota \(minimum)–\(maximum) KK; sekarang \(now)."
                : "An active KUBE needs \(minimum)–\(maximum) families; it has \(now)."
        case let .officerMissing(role):
            return id
                ? "Belum ada \(role.label(.id).lowercased()) di antara anggota aktif."
                : "No \(role.label(.en).lowercased()) among the active members yet."
        case let .officerRepeated(role, count):
            if let count {
                return id
                    ? "\(role.label(.id)) hanya boleh satu; sekarang \(count)."
                    : "There may be only one \(role.label(.en).lowercased()); there are \(count)."
            }
            return id ? "\(role.label(.id)) hanya boleh satu." : "There may be only one \(role.label(.en).lowercased())."
        case .memberOutsideKecamatan:
            return id ? "Semua anggota harus tinggal di kecamatan kelompok." : "Every member must live in the group's kecamatan."
        case let .familyRepeated(families):
            return id
                ? "Satu KK hanya boleh diwakili satu anggota (\(families) KK berulang)."
                : "One family card (KK) may have only one member (\(families) repeated)."
        case .dissolved: return id ? "Kelompok sudah bubar." : "The group has been dissolved."
        case .activeElsewhere:
            return id
                ? "Orang ini sudah aktif di KUBE lain; seseorang hanya boleh aktif di satu KUBE."
                : "This person is already active in another KUBE; a person may be active in one KUBE only."
        case .alreadyMember: return id ? "Orang ini sudah menjadi anggota kelompok ini." : "This person is already a member of this group."
        case .notActiveMember: return id ? "Orang ini bukan anggota aktif kelompok ini." : "This person is not an active member of this group."
        case .leaveReasonRequired: return id ? "Tuliskan alasan anggota keluar." : "Write why the member leaves."
        case .leaveBeforeJoining:
            return id ? "Tanggal keluar tidak boleh sebelum tanggal bergabung." : "The leaving date cannot be before the joining date."
        case .leaveInFuture: return id ? "Tanggal keluar tidak boleh di masa depan." : "The leaving date cannot be in the future."
        case .someoneActiveElsewhere:
            return id
                ? "Ada anggota yang sudah aktif di KUBE lain; seseorang hanya boleh aktif di satu KUBE."
                : "A member is already active in another KUBE; a person may be active in one KUBE only."
        case .onlyDraftActivates: return id ? "Hanya kelompok draf yang bisa diaktifkan." : "Only a draft group can be activated."
        case .nikNotInRegion: return id ? "NIK ini tidak ada di register wilayah Anda." : "This NIK is not in your region's register."
        case .chooseMember: return id ? "Pilih anggota yang keluar." : "Choose the member who leaves."
        case .stageOnlyActive: return id ? "Tahap hanya dicatat untuk kelompok aktif." : "Stages are recorded for active groups only."
        case .stageReasonRequired: return id ? "Tuliskan alasan perubahan tahap." : "Write why the stage changes."
        case let .stageIndicatorsMissing(to, from, missing):
            let list = missing.map { $0.label(lang).lowercased() }.joined(separator: "; ")
            return id
                ? "Untuk naik ke tahap \(to.label(.id).lowercased()), indikator tahap \(from.label(.id).lowercased()) harus terpenuhi: \(list)."
                : "To move up to \(to.label(.en).lowercased()), the indicators of \(from.label(.en).lowercased()) must be met: \(list)."
        case let .developingIndicatorsMissing(missing):
            let list = missing.map { $0.label(lang).lowercased() }.joined(separator: "; ")
            return id
                ? "Untuk tahap maju, indikator tahap berkembang harus terpenuhi: \(list)."
                : "For the advanced stage, the indicators of the developing stage must be met: \(list)."
        case .nameRequired: return id ? "Nama kelompok wajib diisi." : "The group needs a name."
        case .nameTooLong:
            return id
                ? "Nama kelompok (maks. 150 karakter) atau nomor SK (maks. 100) terlalu panjang."
                : "The group's name (at most 150 characters) or decree number (at most 100) is too long."
        case .badPendamping:
            return id ? "Pilih pendamping yang bertugas di kecamatan kelompok ini." : "Choose a pendamping working in this group's kecamatan."
        case .chooseSkill: return id ? "Pilih keterampilan dari katalog." : "Choose a skill from the catalogue."
        case .chooseDesa:
            return id
                ? "Pilih desa/kelurahan yang ada (kode 4 bagian, mis. 16.02.03.2007)."
                : "Choose an existing desa/kelurahan (a 4-part code, e.g. 16.02.03.2007)."
        case let .desaOutside(code): return id ? "Desa \(code) di luar wilayah Anda." : "Desa \(code) is outside your region."
        case .dissolveReasonRequired: return id ? "Tuliskan alasan pembubaran kelompok." : "Write why the group is dissolved."
        case .programmeNameRequired: return id ? "Nama program wajib diisi." : "The programme needs a name."
        case .programmeKabkota: return id ? "Pilih kabupaten/kota di wilayah Anda." : "Choose a kabupaten/kota in your region."
        case .programmeYear: return id ? "Tahun program tidak masuk akal (2000–2100)." : "The programme year makes no sense (2000–2100)."
        case .programmeDates: return id ? "Tanggal selesai harus sesudah tanggal mulai." : "The end date must come after the start date."
        case .programmeNegative: return id ? "Target dan anggaran tidak boleh negatif." : "Targets and budget cannot be negative."
        case let .unknownSkills(codes):
            return id
                ? "Keterampilan tidak ada di katalog: \(codes.joined(separator: ", "))."
                : "Skills not in the catalogue: \(codes.joined(separator: ", "))."
        case .groupNotInProgrammeRegion:
            return id
                ? "Kelompok yang dipilih tidak ada di kabupaten/kota program ini." : "The chosen group is not in this programme's kabupaten/kota."
        case .chooseGroups: return id ? "Pilih sedikitnya satu kelompok." : "Choose at least one group."
        case .groupTwice: return id ? "Kelompok yang sama dipilih lebih dari sekali." : "The same group was chosen more than once."
        case .chooseActiveGroups: return id ? "Pilih kelompok aktif di wilayah Anda." : "Choose active groups in your region."
        case .sessionTwoKabkota:
            return id ? "Satu sesi hanya untuk kelompok dari satu kabupaten/kota." : "One session is for groups of one kabupaten/kota only."
        case .programmeOtherKabkota:
            return id
                ? "Program yang dipilih milik kabupaten/kota lain daripada kelompoknya."
                : "The chosen programme belongs to another kabupaten/kota than its groups."
        case let .sessionOutsideProgramme(starts, ends):
            return id
                ? "Tanggal sesi harus dalam masa program (\(starts.long(.id)) – \(ends.long(.id)))."
                : "The session must fall inside the programme's period (\(starts.long(.en)) – \(ends.long(.en)))."
        case .programmeNotFound: return id ? "Program yang dipilih tidak ditemukan." : "The chosen programme was not found."
        case .sessionHours: return id ? "Lama sesi 0,5–24 jam." : "A session lasts 0.5–24 hours."
        case .placeRequired: return id ? "Tempat wajib diisi." : "The place is required."
        case .topicRequired: return id ? "Topik wajib diisi." : "The topic is required."
        case let .notYetBegun(startsAt):
            return id
                ? "Sesi ini belum berlangsung (\(IndonesianCalendar.longDateTime(startsAt, .id))); kehadiran dicatat setelah sesi dimulai."
                : "This session has not begun yet (\(IndonesianCalendar.longDateTime(startsAt, .en))); attendance is recorded once it has started."
        case let .strangersOnRoster(count):
            return id
                ? "\(count) orang di daftar hadir bukan anggota aktif kelompok sesi ini."
                : "\(count) people on the roster are not active members of this session's groups."
        case let .rosterIncomplete(count):
            return id ? "Kehadiran \(count) anggota belum diisi." : "The attendance of \(count) members is not filled in."
        case .assistanceAmountZero: return id ? "Jumlah bantuan harus lebih dari Rp 0." : "The amount must be more than Rp 0."
        case .assistanceAmountTooLarge: return id ? "Jumlah bantuan tidak masuk akal." : "The amount makes no sense."
        case .receiptRequired: return id ? "Nomor bukti terima wajib diisi." : "The receipt number is required."
        case .rabRequired: return id ? "Bantuan barang harus mencantumkan item RAB." : "Assistance in goods must list its budget (RAB) items."
        case .assistanceInFuture: return id ? "Tanggal bantuan tidak boleh di masa depan." : "The date of the assistance cannot be in the future."
        case let .badChoice(value):
            return id ? "Pilihan \"\(value)\" tidak dikenal; pilih dari daftar." : "The choice \"\(value)\" is not known; choose from the list."
        case let .badDate(value):
            return id
                ? "Tanggal \"\(value)\" tidak sah (format 2026-11-30 atau 30/11/2026)."
                : "The date \"\(value)\" is not valid (use 2026-11-30 or 30/11/2026)."
        case let .badAmount(value):
            return id
                ? "Jumlah \"\(value)\" tidak sah (mis. 20000000 atau Rp 20.000.000)."
                : "The amount \"\(value)\" is not valid (e.g. 20000000 or Rp 20.000.000)."
        case .programmeNotInGroupKabkota:
            return id
                ? "Program yang dipilih tidak ditemukan di kabupaten/kota kelompok ini."
                : "The chosen programme was not found in this group's kabupaten/kota."
        }
    }
}

/// The rules a change to a group, programme, session or assistance breaks.
public struct GroupRuleError: Error, Equatable, Sendable, LocalizedMessage {
    public var problems: [GroupProblem]

    public init(_ problems: [GroupProblem]) { self.problems = problems }
    public init(_ problem: GroupProblem) { problems = [problem] }

    public func messages(_ lang: Lang) -> [String] { problems.map { $0.message(lang) } }
    public func message(_ lang: Lang) -> String { messages(lang).joined(separator: " ") }
}
