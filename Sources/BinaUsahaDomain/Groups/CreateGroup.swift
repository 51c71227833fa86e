import Foundation

/// Creates a KUBE group by hand (page or API): a name, a skill of the catalogue, a desa inside
/// the writer's region, and optionally members by NIK. Audited in the same transaction.
public struct CreateGroup: Sendable {
    public let transactor: any Transactor
    public let clock: Clock

    public init(transactor: any Transactor, clock: Clock) {
        self.transactor = transactor
        self.clock = clock
    }

    public struct Input: Sendable {
        public var name: String
        public var skill: String
        public var desa: String
        public var decreeNumber: String
        public var memberNIKs: [String]

        public init(name: String, skill: String, desa: String, decreeNumber: String = "", memberNIKs: [String] = []) {
            self.name = name
            self.skill = skill
            self.desa = desa
            self.decreeNumber = decreeNumber
            self.memberNIKs = memberNIKs
        }
    }

    public func callAsFunction(_ input: Input, by principal: Principal, note: String) async throws -> KUBEGroup {
        let today = CivilDate(clock.now())
        let now = clock.now()
        let name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
        var problems: [GroupProblem] = []
        if name.isEmpty { problems.append(.nameRequired) }
        if name.count > 150 { problems.append(.nameTooLong) }
        let code = try? RegionCode(validating: TextFolding.trim(input.desa))
        return try await transactor.run { [problems] repositories in
            var problems = problems
            if try await repositories.skills.find(code: input.skill) == nil { problems.append(.chooseSkill) }
            var desa: RegionCode?
            if let code, code.level == .desaKelurahan, try await repositories.regions.find(code) != nil {
                if principal.covers(code) { desa = code } else { problems.append(.desaOutside(code.rawValue)) }
            } else {
                problems.append(.chooseDesa)
            }
            guard problems.isEmpty, let desa, let kecamatan = desa.parent else { throw GroupRuleError(problems) }
            var group = KUBEGroup(
                name: name, skill: input.skill, kecamatan: kecamatan, desa: desa,
                decreeNumber: input.decreeNumber.trimmingCharacters(in: .whitespacesAndNewlines))
            for nik in input.memberNIKs {
                guard let person = try await repositories.beneficiaries.find(nik: TextFolding.trim(nik)), principal.covers(person.details.desa) else {
                    throw GroupRuleError(.nikNotInRegion)
                }
                try group.add(
                    Membership(beneficiary: person.id, noKK: person.details.noKK, desa: person.details.desa, joinedOn: today),
                    activeElsewhere: try await repositories.groups.activeGroup(of: person.id) != nil)
            }
            try await repositories.groups.insert(group)
            try await repositories.audit.record(
                .create, by: AuditActor(principal), at: now, entity: "kube_group", entityID: group.id.uuidString,
                region: group.desa, changes: GroupChanges.changes(from: nil, to: group), note: note)
            return group
        }
    }
}
