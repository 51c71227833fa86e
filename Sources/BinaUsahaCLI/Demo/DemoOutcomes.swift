import BinaUsahaDomain
import Foundation

/// Follow-up assessments of the demo members through the outcome use cases: a baseline when
/// the group started, one half-way and one last month, household incomes rising more in the
/// groups that sell well; the operator confirms some of the graduations the rule proposes.
enum DemoOutcomes {
    static func seed(groups: [KUBEGroup], repositories: Repositories, writes: OutcomeWrites, admin: Principal, now: Date) async throws -> (Int, Int) {
        var random = SeededRandom(seed: 7)
        let visits = [-330.0, -180, -30].map { CivilDate(now.addingTimeInterval($0 * 86_400)) }
        var recorded = 0
        var graduated = 0
        for (index, group) in groups.enumerated() where index % 2 == 0 {
            let growth = Double.random(in: 1.05...1.6, using: &random)
            for member in group.activeMembers {
                let size = Int.random(in: 3...6, using: &random)
                var income = Double(size) * Double.random(in: 280_000...520_000, using: &random)
                for (visit, date) in visits.enumerated() {
                    if visit > 0 { income *= growth * Double.random(in: 0.9...1.1, using: &random) }
                    _ = try await writes.recordAssessment(
                        Assessment(
                            beneficiary: member.beneficiary, date: date, householdIncome: Rupiah(Int64(income / 1_000) * 1_000), householdSize: size,
                            decile: visit == 0 ? Int.random(in: 1...3, using: &random) : nil, receivesBansos: visit < 2 || income < 2_000_000,
                            businessRunning: true), by: admin)
                    recorded += 1
                }
            }
            // The operator has confirmed the first proposal of every other group; the rest wait.
            if index % 4 == 0 {
                for member in group.activeMembers {
                    let rule = try await repositories.outcomes.graduationRule()
                    guard rule.proposal(try await repositories.outcomes.assessments(of: [member.beneficiary])) != nil else { continue }
                    _ = try await writes.confirmGraduation(of: member.beneficiary, note: "Dikunjungi pendamping, usaha berjalan baik", by: admin)
                    graduated += 1
                    break
                }
            }
        }
        return (recorded, graduated)
    }
}
