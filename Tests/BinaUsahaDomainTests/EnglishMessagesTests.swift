import Foundation
import Testing

@testable import BinaUsahaDomain

/// Every rule of groups, coaching, planning and skills reads in English when the interface is
/// in English. The samples below name every case: the `switch`es make the compiler refuse a
/// new case until it has a sample here too.
@Suite("English rule messages")
struct EnglishMessagesTests {
    /// Words that only Indonesian text has; proper terms the office keeps in English text
    /// (KUBE, desa, kecamatan, pendamping, PPKS, RAB) are not among them.
    static let indonesianWords: Set<String> = [
        "yang", "dan", "tidak", "harus", "belum", "sudah", "anggota", "kelompok", "pilih", "dengan",
        "untuk", "atau", "di", "ke", "dari", "ini", "itu", "tanggal", "sesi", "keluarga", "wajib",
        "nama", "jam", "bantuan", "tahap",
    ]

    /// The words of a message, leaving out what the user types literally (`kode:bobot:wajib`).
    static func words(_ text: String) -> [String] {
        text.lowercased().split(separator: " ").filter { !$0.contains(":") || $0.hasSuffix(":") }
            .flatMap { $0.split { !$0.isLetter } }.map(String.init)
    }

    static func expectEnglish(_ message: some LocalizedMessage, _ label: String) {
        let english = message.message(.en)
        let indonesian = message.message(.id)
        #expect(!english.isEmpty, "\(label): empty")
        #expect(english != indonesian, "\(label): the same text in both languages: \(english)")
        let leftovers = words(english).filter(indonesianWords.contains)
        #expect(leftovers.isEmpty, "\(label): Indonesian words \(leftovers) in \(english)")
        #expect(!words(indonesian).filter(indonesianWords.contains).isEmpty || indonesian.count < 40, "\(label): \(indonesian)")
    }

    static let day = CivilDate(year: 2026, month: 11, day: 30)!
    static let label = PlanGroupLabel(number: 2, skill: "Anyaman purun")

    static let groupSamples: [GroupProblem] = [
        .activeSize(minimum: 5, maximum: 20, now: 3), .officerMissing(.ketua), .officerRepeated(.bendahara, count: 2),
        .officerRepeated(.sekretaris, count: nil), .memberOutsideKecamatan, .familyRepeated(families: 2), .dissolved,
        .activeElsewhere, .alreadyMember, .notActiveMember, .leaveReasonRequired, .leaveBeforeJoining, .leaveInFuture,
        .someoneActiveElsewhere, .onlyDraftActivates, .nikNotInRegion, .chooseMember, .stageOnlyActive, .stageReasonRequired,
        .stageIndicatorsMissing(to: .berkembang, from: .tumbuh, missing: [.nameboard, .trainingDone]),
        .developingIndicatorsMissing([.rolesRunning]), .nameRequired, .nameTooLong, .badPendamping, .chooseSkill, .chooseDesa,
        .desaOutside("16.02.03.2001"), .dissolveReasonRequired, .programmeNameRequired, .programmeKabkota, .programmeYear,
        .programmeDates, .programmeNegative, .unknownSkills(["tenun-x"]), .groupNotInProgrammeRegion, .chooseGroups, .groupTwice,
        .chooseActiveGroups, .sessionTwoKabkota, .programmeOtherKabkota, .sessionOutsideProgramme(day, day), .programmeNotFound,
        .sessionHours, .placeRequired, .topicRequired, .notYetBegun(Date(timeIntervalSince1970: 1_800_000_000)),
        .strangersOnRoster(2), .rosterIncomplete(3), .assistanceAmountZero, .assistanceAmountTooLarge, .receiptRequired,
        .rabRequired, .assistanceInFuture, .programmeNotInGroupKabkota, .badChoice("x"), .badDate("31-02-2026"),
        .badAmount("Rp -5"),
    ]

    static func sampleCovers(_ problem: GroupProblem) -> Bool {
        switch problem {
        case .activeSize, .officerMissing, .officerRepeated, .memberOutsideKecamatan, .familyRepeated, .dissolved,
            .activeElsewhere, .alreadyMember, .notActiveMember, .leaveReasonRequired, .leaveBeforeJoining, .leaveInFuture,
            .someoneActiveElsewhere, .onlyDraftActivates, .nikNotInRegion, .chooseMember, .stageOnlyActive,
            .stageReasonRequired, .stageIndicatorsMissing, .developingIndicatorsMissing, .nameRequired, .nameTooLong,
            .badPendamping, .chooseSkill, .chooseDesa, .desaOutside, .dissolveReasonRequired, .programmeNameRequired,
            .programmeKabkota, .programmeYear, .programmeDates, .programmeNegative, .unknownSkills,
            .groupNotInProgrammeRegion, .chooseGroups, .groupTwice, .chooseActiveGroups, .sessionTwoKabkota,
            .programmeOtherKabkota, .sessionOutsideProgramme, .programmeNotFound, .sessionHours, .placeRequired,
            .topicRequired, .notYetBegun, .strangersOnRoster, .rosterIncomplete, .assistanceAmountZero,
            .assistanceAmountTooLarge, .receiptRequired, .rabRequired, .assistanceInFuture, .programmeNotInGroupKabkota,
            .badChoice, .badDate, .badAmount:
            true
        }
    }

    static let planSamples: [PlanProblem] = [
        .groupNotInPlan, .notDraft(.accepted), .personNotInPlan, .overrideReasonRequired, .otherKecamatan,
        .skillNotRecommended("Anyaman purun"), .groupFull(20), .sameFamily, .notAMember, .sameGroup, .differentSkills,
        .differentKecamatan, .mergedTooLarge(total: 24, maximum: 20), .mergedSameFamily, .noGroups,
        .groupSize(label, count: 3, minimum: 5, maximum: 20), .groupOtherKecamatan(label), .groupIneligible(label),
        .groupPersonTwice(label), .familiesRepeated(2), .badTarget(groups: 3), .badChoice("x"), .stale,
    ]

    static func sampleCovers(_ problem: PlanProblem) -> Bool {
        switch problem {
        case .groupNotInPlan, .notDraft, .personNotInPlan, .overrideReasonRequired, .otherKecamatan, .skillNotRecommended,
            .groupFull, .sameFamily, .notAMember, .sameGroup, .differentSkills, .differentKecamatan, .mergedTooLarge,
            .mergedSameFamily, .noGroups, .groupSize, .groupOtherKecamatan, .groupIneligible, .groupPersonTwice,
            .familiesRepeated, .badTarget, .badChoice, .stale:
            true
        }
    }

    static let skillSamples: [SkillFormProblem] = [
        .badCode, .nameRequired, .badNeed(line: 2, text: "rotan;;"), .unknownResource(line: 3, code: "emas"),
        .resourceTwice(line: 4, code: "purun"), .unknownInterest("menyanyi"), .trainingHours, .starterKitCost,
        .badProduct(line: 1, text: "tikar"), .zeroPrice(line: 2), .noProducts, .codeTaken("anyaman-purun"), .changedMeanwhile,
        .badSuitabilityRule(line: 1, text: "buta"), .limitationTwice(line: 2, code: "netra"),
    ]

    static func sampleCovers(_ problem: SkillFormProblem) -> Bool {
        switch problem {
        case .badCode, .nameRequired, .badNeed, .unknownResource, .resourceTwice, .unknownInterest, .trainingHours,
            .starterKitCost, .badProduct, .zeroPrice, .noProducts, .codeTaken, .changedMeanwhile, .badSuitabilityRule, .limitationTwice:
            true
        }
    }

    static let requestSamples: [PlanRequestProblem] = [.unknownRegion("99.99"), .outsideRegion("16.01"), .badTargetSize("30")]

    static func sampleCovers(_ problem: PlanRequestProblem) -> Bool {
        switch problem {
        case .unknownRegion, .outsideRegion, .badTargetSize: true
        }
    }

    @Test("Every group, coaching and assistance rule has its own English message")
    func groupRules() {
        for problem in Self.groupSamples where Self.sampleCovers(problem) {
            Self.expectEnglish(problem, "\(problem)")
        }
        Self.expectEnglish(GroupRuleError([.officerMissing(.ketua), .activeSize(minimum: 5, maximum: 20, now: 4)]), "two rules")
    }

    @Test("Every planning rule has its own English message")
    func planRules() {
        for problem in Self.planSamples where Self.sampleCovers(problem) {
            Self.expectEnglish(problem, "\(problem)")
        }
        for problem in Self.requestSamples where Self.sampleCovers(problem) {
            Self.expectEnglish(problem, "\(problem)")
        }
    }

    @Test("Every skill form rule has its own English message")
    func skillRules() {
        for problem in Self.skillSamples where Self.sampleCovers(problem) {
            Self.expectEnglish(problem, "\(problem)")
        }
    }

    @Test("The samples name every case once")
    func samplesAreDistinct() {
        #expect(Set(Self.groupSamples.map { "\($0)".prefix { $0 != "(" } }).count == 56)
        #expect(Set(Self.planSamples.map { "\($0)".prefix { $0 != "(" } }).count == 23)
        #expect(Set(Self.skillSamples.map { "\($0)".prefix { $0 != "(" } }).count == 15)
    }
}
