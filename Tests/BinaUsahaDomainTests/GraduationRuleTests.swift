import BinaUsahaDomain
import Foundation
import Testing

@Suite("Graduation rule and cohorts")
struct GraduationRuleTests {
    static let person = UUID()

    static func assessment(_ month: Int, income: Int64, size: Int = 4, decile: Int? = nil) -> Assessment {
        Assessment(
            beneficiary: person, date: CivilDate(year: 2026, month: month, day: 1)!, householdIncome: Rupiah(income), householdSize: size,
            decile: decile, receivesBansos: true, businessRunning: true)
    }

    @Test("Proposed only after two consecutive assessments above the poverty line per capita, or a desil above 4")
    func proposal() {
        let rule = GraduationRule.standard
        #expect(rule.proposal([]) == nil)
        // 2.400.000 / 4 = 600.000 > 564.462, once: not yet
        #expect(rule.proposal([Self.assessment(3, income: 2_400_000)]) == nil)
        #expect(rule.proposal([Self.assessment(3, income: 2_400_000), Self.assessment(6, income: 2_000_000)]) == nil)
        let twice = rule.proposal([Self.assessment(6, income: 2_600_000), Self.assessment(3, income: 2_400_000), Self.assessment(1, income: 900_000)])
        #expect(twice?.contains("Rp 600.000, Rp 650.000") == true)
        // exactly on the line is not above it
        #expect(rule.proposal([Self.assessment(3, income: 564_462, size: 1), Self.assessment(6, income: 564_462, size: 1)]) == nil)
        #expect(rule.proposal([Self.assessment(6, income: 500_000, decile: 5)])?.contains("Desil DTSEN 5") == true)
        #expect(
            GraduationRule(povertyLine: Rupiah(600_000), consecutive: 3, decileAbove: 4).proposal([
                Self.assessment(3, income: 2_400_000), Self.assessment(6, income: 2_600_000),
            ]) == nil)
        #expect(!GraduationRule(povertyLine: Rupiah(5), consecutive: 0, decileAbove: 10).problems.isEmpty)
    }

    @Test("Cohorts: income first and latest of members assessed twice, graduation rate, groups active after a year")
    func cohorts() {
        let a = UUID(), b = UUID(), c = UUID()
        func member(_ id: UUID) -> Membership {
            Membership(
                beneficiary: id, noKK: "1602030101010001", desa: RegionCode(trusted: "16.02.03.2007"), role: .anggota,
                joinedOn: CivilDate(year: 2025, month: 1, day: 1)!)
        }
        let old = KUBEGroup(
            name: "Lama", skill: "anyaman-purun", kecamatan: RegionCode(trusted: "16.02.03"), desa: RegionCode(trusted: "16.02.03.2007"),
            formedOn: CivilDate(year: 2025, month: 1, day: 1), status: .aktif, members: [member(a), member(b)])
        let gone = KUBEGroup(
            name: "Bubar", skill: "anyaman-purun", kecamatan: RegionCode(trusted: "16.02.03"), desa: RegionCode(trusted: "16.02.03.2007"),
            formedOn: CivilDate(year: 2025, month: 2, day: 1), status: .bubar, members: [member(c)])
        let assessments = [
            Assessment(
                beneficiary: a, date: CivilDate(year: 2025, month: 1, day: 5)!, householdIncome: Rupiah(1_000_000), householdSize: 4, decile: nil,
                receivesBansos: true, businessRunning: true),
            Assessment(
                beneficiary: a, date: CivilDate(year: 2026, month: 10, day: 5)!, householdIncome: Rupiah(3_000_000), householdSize: 4, decile: nil,
                receivesBansos: false, businessRunning: true),
            Assessment(
                beneficiary: b, date: CivilDate(year: 2026, month: 10, day: 5)!, householdIncome: Rupiah(2_000_000), householdSize: 4, decile: nil,
                receivesBansos: true, businessRunning: true),
        ]
        let rows = Cohorts.compute(
            by: .kabupatenKota, groups: [old, gone], programmes: [], assessments: assessments,
            graduations: [Graduation(beneficiary: a, date: CivilDate(year: 2026, month: 11, day: 1)!, reason: "x", confirmedBy: "op")],
            today: CivilDate(year: 2026, month: 11, day: 30)!)
        #expect(rows.count == 1)
        let row = rows[0]
        #expect(row.key == "16.02" && row.members == 3 && row.followed == 1)
        #expect(row.incomeBefore == Rupiah(250_000) && row.incomeAfter == Rupiah(750_000))
        #expect(row.graduated == 1 && row.groupsAYearOld == 2 && row.groupsStillActive == 1 && row.survivalRate == 0.5)
    }
}
