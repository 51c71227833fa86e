import BinaUsahaDomain
import BinaUsahaPersistence
import Foundation
import VaporTesting

extension Application {
    /// Adds a kecamatan and desa under the shipped kabupaten/kota (no official list in tests).
    public func addDesa(_ code: String, name: String? = nil) async throws {
        let desa = RegionCode(trusted: code)
        let rows = [
            RegionImportRow(line: 1, code: desa.parent!.rawValue, parentCode: nil, name: "Kecamatan \(desa.parent!.rawValue)", kind: nil),
            RegionImportRow(line: 2, code: code, parentCode: nil, name: name ?? "Desa \(code)", kind: nil),
        ]
        let repository = FluentRegionRepository(database: db)
        let missing = try await rows.asyncFilter { try await repository.find(RegionCode(trusted: $0.code)) == nil }
        _ = try await ImportRegions(transactor: transactor, clock: .fixed(testNow))(rows: missing)
    }

    /// Adds the craft-centre kecamatan and desa (Pedamaran, Lumpatan…) with the shipped potentials.
    public func addCraftCentres() async throws {
        let repository = FluentRegionRepository(database: db)
        let existing = try await repository.existing(Set(CraftCentres.regions.map(\.code)))
        _ = try await ImportRegions(transactor: transactor, clock: .fixed(testNow))(
            rows: CraftCentres.regions.enumerated().filter { existing[$0.element.code] == nil }.map {
                RegionImportRow(
                    line: $0.offset + 1, code: $0.element.code.rawValue, parentCode: nil, name: $0.element.name,
                    kind: $0.element.kind.rawValue)
            })
    }

    /// `count` eligible weavers in one desa, each heading their own family.
    @discardableResult
    public func makeWeavers(
        _ count: Int, desa: String = "16.02.03.2007", interests: [String] = ["anyaman"], first: Int = 1
    ) async throws -> [Beneficiary] {
        var people: [Beneficiary] = []
        let prefix = RegionCode(trusted: desa).parent!.digits
        for index in first..<(first + count) {
            people.append(
                try await makePerson(
                    desa: desa, name: "Warga \(index)", nik: prefix + "520485" + String(format: "%04d", index),
                    interests: interests, noKK: prefix + "150412" + String(format: "%04d", index)))
        }
        return people
    }

    /// Stores one valid beneficiary living in `desa` (the desa is created when missing).
    @discardableResult
    public func makePerson(
        desa: String, name: String = "Siti Aminah", nik: String? = nil, birth: String = "1985-04-12",
        woman: Bool = true, interests: [String] = ["anyaman"], head: Bool = true, noKK: String? = nil
    ) async throws -> Beneficiary {
        try await addDesa(desa)
        let code = RegionCode(trusted: desa)
        let date = CivilDate(parsing: birth)!
        let serial = String(format: "%04d", Int.random(in: 1...9999))
        let generated = code.parent!.digits + String(format: "%02d%02d%02d", date.day + (woman ? 40 : 0), date.month, date.year % 100) + serial
        let details = BeneficiaryDetails(
            nik: nik ?? generated, noKK: noKK ?? (code.parent!.digits + "010120" + serial), name: name, sex: woman ? .perempuan : .lakiLaki,
            birthPlace: "Palembang", birthDate: date, desa: code, address: "Dusun 2", rt: "003", rw: "001", phone: "081234567890",
            ppks: [24], decile: 2, isHeadOfFamily: head, interests: interests)
        let person = Beneficiary(details: details, createdAt: testNow, updatedAt: testNow)
        try await FluentBeneficiaryRepository(database: db).save(inserting: [person], updating: [])
        return person
    }

    /// A stored draft plan for `scope` with one group of `members` (people must exist).
    public func makePlan(scope: String?, members: [Beneficiary] = [], skill: String = "anyaman-purun") async throws -> GroupPlan {
        let group = PlannedGroup(
            id: UUID(), skill: skill, kecamatan: members.first?.details.kecamatan ?? RegionCode(trusted: "16.02.03"),
            members: members.map {
                PlannedMember(
                    id: $0.id, noKK: $0.details.noKK, desa: $0.details.desa, failedChecks: [], options: [SkillScore(skill: skill, score: 80)])
            })
        let plan = GroupPlan(
            scope: scope.map(RegionCode.init(trusted:)), rules: PlanningRules(), createdBy: "uji", createdAt: testNow,
            groups: members.isEmpty ? [] : [group], leftOut: [])
        try await FluentGroupPlanRepository(database: db).insert(plan)
        return plan
    }

    /// A stored group in `desa` with the given people as members (draft unless `active`).
    @discardableResult
    public func makeGroup(desa: String, members: [Beneficiary] = [], active: Bool = false, pendamping: UUID? = nil) async throws -> KUBEGroup {
        try await addDesa(desa)
        let code = RegionCode(trusted: desa)
        let roles: [MemberRole] = [.ketua, .sekretaris, .bendahara]
        let group = KUBEGroup(
            name: "KUBE Uji \(desa)", skill: "anyaman-purun", kecamatan: code.parent!, desa: code,
            formedOn: active ? CivilDate(year: 2026, month: 11, day: 1) : nil, status: active ? .aktif : .draft,
            pendamping: pendamping,
            members: members.enumerated().map { index, person in
                Membership(
                    beneficiary: person.id, noKK: person.details.noKK, desa: person.details.desa,
                    role: index < 3 ? roles[index] : .anggota, joinedOn: CivilDate(year: 2026, month: 11, day: 1)!)
            })
        try await FluentGroupRepository(database: db).insert(group)
        return group
    }

    /// A stored programme of `kabkota` (the year 2026) and a session for `group` three days
    /// before the tests' "now", so that its attendance can be recorded.
    public func makeProgrammeAndSession(kabkota: String, group: KUBEGroup) async throws -> (Programme, CoachingSession) {
        let programme = Programme(
            name: "Program Uji \(kabkota)", kabupatenKota: RegionCode(trusted: kabkota), year: 2026, skills: ["anyaman-purun"],
            targetGroups: 2, targetPeople: 20, budget: Rupiah(40_000_000), startsOn: CivilDate(year: 2026, month: 1, day: 5)!,
            endsOn: CivilDate(year: 2026, month: 12, day: 20)!, groups: [group.id])
        let coaching = FluentCoachingRepository(database: db)
        try await coaching.insert(programme)
        let session = CoachingSession(
            programme: programme.id, type: .pelatihan, startsAt: testNow.addingTimeInterval(-3 * 86_400), hours: 3,
            place: "Balai desa", facilitator: "Pendamping", topic: "Anyaman purun dasar", groups: [group.id])
        try await coaching.insert(session)
        return (programme, session)
    }

    /// A finished dry-run import job owned by `owner`.
    public func makeImportJob(owner: UUID) async throws -> UUID {
        let job = ImportJob(
            userID: owner, fileName: "uji.csv", filePath: "/nonexistent/uji.csv", dryRun: true, status: .done,
            createdAt: testNow, finishedAt: testNow)
        try await FluentImportJobStore(database: db).create(job)
        return job.id
    }
}

extension Sequence {
    func asyncFilter(_ isIncluded: (Element) async throws -> Bool) async rethrows -> [Element] {
        var result: [Element] = []
        for element in self where try await isIncluded(element) { result.append(element) }
        return result
    }
}
