import Foundation

/// The writes of coaching: programmes, the groups they enrol, sessions, attendance and
/// capital assistance. Each checks that every record it links to lies inside the writer's
/// region (a record outside it is "not found", so its existence does not leak), runs in one
/// unit of work and writes its audit record there.
public struct CoachingWrites: Sendable {
    public let transactor: any Transactor
    public let clock: Clock

    public init(transactor: any Transactor, clock: Clock) {
        self.transactor = transactor
        self.clock = clock
    }

    // MARK: Programmes

    public struct ProgrammeInput: Sendable {
        public var name: String
        public var kabupatenKota: String
        public var year: Int?
        public var skills: [String]
        public var targetGroups: Int
        public var targetPeople: Int
        public var budget: Rupiah
        public var startsOn: CivilDate
        public var endsOn: CivilDate
        public var partners: String
        public var groups: [UUID]

        public init(
            name: String, kabupatenKota: String, year: Int?, skills: [String], targetGroups: Int, targetPeople: Int, budget: Rupiah,
            startsOn: CivilDate, endsOn: CivilDate, partners: String, groups: [UUID] = []
        ) {
            self.name = name
            self.kabupatenKota = kabupatenKota
            self.year = year
            self.skills = skills
            self.targetGroups = targetGroups
            self.targetPeople = targetPeople
            self.budget = budget
            self.startsOn = startsOn
            self.endsOn = endsOn
            self.partners = partners
            self.groups = groups
        }
    }

    /// A programme of one kab/kota inside the writer's region; skills must be in the catalogue
    /// and enrolled groups in the programme's kab/kota.
    public func createProgramme(_ input: ProgrammeInput, by principal: Principal) async throws -> Programme {
        let now = clock.now()
        guard let kabkota = try? RegionCode(validating: input.kabupatenKota), kabkota.level == .kabupatenKota, principal.covers(kabkota) else {
            throw GroupRuleError(.programmeKabkota)
        }
        return try await transactor.run { repositories in
            var problems: [GroupProblem] = []
            let catalogue = Set(try await repositories.skills.all().map(\.code))
            let unknown = input.skills.filter { !catalogue.contains($0) }
            if !unknown.isEmpty { problems.append(.unknownSkills(unknown)) }
            for id in input.groups {
                guard let group = try await repositories.groups.find(id: id), kabkota.contains(group.desa) else {
                    problems.append(.groupNotInProgrammeRegion)
                    break
                }
            }
            let programme = Programme(
                name: input.name.trimmingCharacters(in: .whitespacesAndNewlines), kabupatenKota: kabkota,
                year: input.year ?? input.startsOn.year, skills: Array(Set(input.skills)).sorted(),
                targetGroups: input.targetGroups, targetPeople: input.targetPeople, budget: input.budget,
                startsOn: input.startsOn, endsOn: input.endsOn,
                partners: input.partners.trimmingCharacters(in: .whitespacesAndNewlines),
                groups: Array(Set(input.groups)).sorted { $0.uuidString < $1.uuidString })
            problems = programme.problems() + problems
            guard problems.isEmpty else { throw GroupRuleError(problems) }
            try await repositories.coaching.insert(programme)
            try await repositories.audit.record(
                .create, by: AuditActor(principal), at: now, entity: "programme", entityID: programme.id.uuidString,
                region: programme.kabupatenKota,
                changes: [
                    FieldChange(field: "name", before: nil, after: programme.name),
                    FieldChange(field: "year", before: nil, after: String(programme.year)),
                    FieldChange(field: "budget", before: nil, after: String(programme.budget.amount)),
                    FieldChange(field: "skills", before: nil, after: programme.skills.joined(separator: ";")),
                    FieldChange(field: "groups", before: nil, after: String(programme.groups.count)),
                ])
            return programme
        }
    }

    /// Enrols a group of the programme's kab/kota that is not dissolved.
    public func enrolGroup(_ group: UUID, in programmeID: UUID, version: Int, by principal: Principal) async throws -> Programme {
        let now = clock.now()
        return try await transactor.run { repositories in
            guard var programme = try await repositories.coaching.find(programme: programmeID), Self.reaches(principal, programme)
            else { throw GroupWriteError.notFound }
            guard programme.version == version else { throw GroupWriteError.stale }
            guard let found = try await repositories.groups.find(id: group), programme.kabupatenKota.contains(found.desa),
                principal.covers(found.desa),
                found.status != .bubar
            else {
                throw GroupRuleError(.groupNotInProgrammeRegion)
            }
            guard !programme.groups.contains(group) else { return programme }
            programme.groups.append(group)
            guard try await repositories.coaching.update(programme, expectedVersion: version) else { throw GroupWriteError.stale }
            programme.version = version + 1
            try await repositories.audit.record(
                .update, by: AuditActor(principal), at: now, entity: "programme", entityID: programme.id.uuidString,
                region: programme.kabupatenKota,
                changes: [FieldChange(field: "groups", before: nil, after: group.uuidString)])
            return programme
        }
    }

    /// Whether `principal` may see a programme: it is in their region, or (a pendamping of a
    /// kecamatan) their region is in its kab/kota.
    public static func reaches(_ principal: Principal, _ programme: Programme) -> Bool {
        principal.covers(programme.kabupatenKota) || (principal.region.map { programme.kabupatenKota.contains($0) } ?? false)
    }

    // MARK: Sessions

    public struct SessionInput: Sendable {
        public var programme: UUID?
        public var type: SessionType
        public var startsAt: Date
        public var hours: Double
        public var place: String
        public var facilitator: String
        public var topic: String
        public var groups: [UUID]

        public init(
            programme: UUID?, type: SessionType, startsAt: Date, hours: Double, place: String, facilitator: String, topic: String,
            groups: [UUID]
        ) {
            self.programme = programme
            self.type = type
            self.startsAt = startsAt
            self.hours = hours
            self.place = place
            self.facilitator = facilitator
            self.topic = topic
            self.groups = groups
        }
    }

    /// A session for active groups of one kab/kota inside the writer's region, each named once;
    /// with a programme, the programme is that kab/kota's and the date lies in its period.
    public func scheduleSession(_ input: SessionInput, by principal: Principal) async throws -> CoachingSession {
        let now = clock.now()
        return try await transactor.run { repositories in
            var problems: [GroupProblem] = []
            if Set(input.groups).count != input.groups.count { problems.append(.groupTwice) }
            var groups: [KUBEGroup] = []
            for id in Set(input.groups).sorted(by: { $0.uuidString < $1.uuidString }) {
                guard let group = try await repositories.groups.find(id: id), principal.covers(group.desa), group.status == .aktif else {
                    problems.append(.chooseActiveGroups)
                    break
                }
                groups.append(group)
            }
            let kabkotas = Set(groups.compactMap { $0.kecamatan.parent })
            if kabkotas.count > 1 { problems.append(.sessionTwoKabkota) }
            if let id = input.programme {
                if let programme = try await repositories.coaching.find(programme: id), Self.reaches(principal, programme) {
                    if let kabkota = kabkotas.first, kabkota != programme.kabupatenKota {
                        problems.append(.programmeOtherKabkota)
                    }
                    let day = CivilDate(input.startsAt)
                    if day < programme.startsOn || day > programme.endsOn {
                        problems.append(.sessionOutsideProgramme(programme.startsOn, programme.endsOn))
                    }
                } else {
                    problems.append(.programmeNotFound)
                }
            }
            let session = CoachingSession(
                programme: input.programme, type: input.type, startsAt: input.startsAt, hours: input.hours,
                place: input.place.trimmingCharacters(in: .whitespacesAndNewlines),
                facilitator: input.facilitator.trimmingCharacters(in: .whitespacesAndNewlines),
                topic: input.topic.trimmingCharacters(in: .whitespacesAndNewlines), groups: groups.map(\.id))
            problems += session.problems()
            guard problems.isEmpty else { throw GroupRuleError(problems) }
            try await repositories.coaching.insert(session)
            try await repositories.audit.record(
                .create, by: AuditActor(principal), at: now, entity: "coaching_session",
                entityID: session.id.uuidString, region: groups.first?.desa,
                changes: [
                    FieldChange(field: "type", before: nil, after: session.type.rawValue),
                    FieldChange(field: "starts_at", before: nil, after: IndonesianCalendar.longDateTime(session.startsAt)),
                    FieldChange(field: "groups", before: nil, after: String(session.groups.count)),
                ])
            return session
        }
    }

    /// The groups of a session, if `principal` may see the session: every one of its groups
    /// must be inside their region (a session never shows one kab/kota another's members).
    public static func groups(
        of session: CoachingSession, visibleTo principal: Principal, _ repositories: Repositories
    ) async throws
        -> [KUBEGroup]?
    {
        var groups: [KUBEGroup] = []
        for id in session.groups {
            guard let group = try await repositories.groups.find(id: id), principal.covers(group.desa) else { return nil }
            groups.append(group)
        }
        return groups.isEmpty ? nil : groups
    }

    /// Whether `principal` may record attendance for these groups: field workers only for
    /// groups assigned to them.
    public static func mayRecord(_ principal: Principal, groups: [KUBEGroup]) -> Bool {
        principal.may(.recordFieldwork) && (principal.role != .pendamping || groups.allSatisfy { $0.pendamping == principal.userID })
    }

    /// The whole roster of a session that has taken place, saved with the session's version:
    /// exactly the active members of its groups, each with a status; audited member by member.
    public func recordAttendance(
        _ sessionID: UUID, roster: [UUID: AttendanceStatus], version: Int, by principal: Principal
    ) async throws
        -> CoachingSession
    {
        let now = clock.now()
        return try await transactor.run { repositories in
            guard let session = try await repositories.coaching.find(session: sessionID),
                let groups = try await Self.groups(of: session, visibleTo: principal, repositories)
            else { throw GroupWriteError.notFound }
            guard Self.mayRecord(principal, groups: groups) else { throw GroupWriteError.forbidden }
            guard session.startsAt <= now else {
                throw GroupRuleError(.notYetBegun(session.startsAt))
            }
            guard session.version == version else { throw GroupWriteError.stale }
            var changed = session
            try changed.record(roster, expected: Set(groups.flatMap { $0.activeMembers.map(\.beneficiary) }))
            guard try await repositories.coaching.update(changed, expectedVersion: version) else { throw GroupWriteError.stale }
            changed.version = version + 1
            let changes = roster.keys.sorted { $0.uuidString < $1.uuidString }.compactMap { person -> FieldChange? in
                let before = session.attendance[person]?.rawValue
                let after = roster[person]?.rawValue
                return before == after ? nil : FieldChange(field: "hadir:\(person.uuidString.prefix(8))", before: before, after: after)
            }
            try await repositories.audit.record(
                session.attendance.isEmpty ? .create : .update, by: AuditActor(principal), at: now,
                entity: "attendance", entityID: session.id.uuidString, region: groups.first?.desa, changes: changes)
            return changed
        }
    }

    // MARK: Assistance

    /// Capital assistance paid to a group in the writer's region; a programme it names must be
    /// the one of the group's kab/kota.
    public func recordAssistance(_ assistance: Assistance, by principal: Principal) async throws {
        let now = clock.now()
        try await transactor.run { repositories in
            guard let group = try await repositories.groups.find(id: assistance.group), principal.covers(group.desa) else {
                throw GroupWriteError.notFound
            }
            var problems = assistance.problems()
            if group.status == .bubar { problems.append(.dissolved) }
            if assistance.date > CivilDate(now) { problems.append(.assistanceInFuture) }
            if let id = assistance.programme {
                let programme = try await repositories.coaching.find(programme: id)
                if programme.map({ !$0.kabupatenKota.contains(group.desa) }) ?? true {
                    problems.append(.programmeNotInGroupKabkota)
                }
            }
            guard problems.isEmpty else { throw GroupRuleError(problems) }
            try await repositories.coaching.insert(assistance)
            try await repositories.audit.record(
                .create, by: AuditActor(principal), at: now, entity: "assistance", entityID: assistance.id.uuidString,
                region: group.desa,
                changes: [
                    FieldChange(field: "amount", before: nil, after: String(assistance.amount.amount)),
                    FieldChange(field: "source", before: nil, after: assistance.source.rawValue),
                    FieldChange(field: "form", before: nil, after: assistance.form.rawValue),
                    FieldChange(field: "receipt", before: nil, after: assistance.receipt),
                ], note: "kelompok \(group.id.uuidString.prefix(8))")
        }
    }
}
