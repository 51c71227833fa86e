import BinaUsahaDomain
import Fluent
import Foundation

/// A beneficiary as a page or the API shows them to one user: NIK, KK and phone masked unless
/// the user may read personal data in the person's region (`PersonalDataMask`).
struct PersonSummary {
    var id: String
    var name: String
    var nik: String
    var noKK: String
    var phone: String
    var address: String
    var sex: String
    var birth: String
    var age: Int
    var desa: String
    var desaCode: String
    var ppks: [String]
    var decile: String
    var status: String
    var interests: [String]
    var talents: [String]
    /// Health conditions, as labels.
    var health: [String]
    var isHead: Bool
    var disability: String
    var priorAssistance: [String]
    var warnings: [String]
    var masked: Bool

    init(_ b: Beneficiary, principal: Principal?, regionNames: [RegionCode: String], today: CivilDate, t: Messages) {
        let d = b.details
        let sees = principal?.seesPersonalData(in: d.desa) == true
        id = b.id.uuidString
        name = d.name
        nik = sees ? d.nik : PersonalDataMask.identityNumber(d.nik)
        noKK = sees ? d.noKK : PersonalDataMask.identityNumber(d.noKK)
        phone = d.phone.isEmpty ? "" : (sees ? d.phone : PersonalDataMask.phone(d.phone))
        address =
            sees
            ? [d.address, d.rt.isEmpty ? "" : "RT \(d.rt)", d.rw.isEmpty ? "" : "RW \(d.rw)"].filter { !$0.isEmpty }
                .joined(separator: " ") : "—"
        sex = d.sex == .perempuan ? t(.personSexFemale) : t(.personSexMale)
        birth = [d.birthPlace, d.birthDate.long(t.lang)].filter { !$0.isEmpty }.joined(separator: ", ")
        age = d.birthDate.years(until: today)
        desa = regionNames[d.desa] ?? d.desa.rawValue
        desaCode = d.desa.rawValue
        ppks = d.ppks.compactMap { PPKS.number($0)?.name }
        decile = d.decile.map(String.init) ?? "—"
        status = b.status.label(t.lang)
        interests = d.interests
        talents = d.talents
        // A health condition is personal data: shown only to those who see the rest of it.
        health = sees ? d.health.map { Limitation(rawValue: $0)?.label(t.lang) ?? $0 } : []
        isHead = d.isHeadOfFamily
        disability = d.disability
        priorAssistance = d.priorAssistance.map { "\($0.programme.rawValue) \($0.year)" }
        warnings = b.warnings.map { $0.message(t.lang) }
        masked = !sees
    }
}

extension WebServices {
    /// Names of the desa of these people, in one query.
    func desaNames(_ people: [Beneficiary], db: any Database) async throws -> [RegionCode: String] {
        try await regions(db).existing(Set(people.map(\.details.desa))).mapValues(\.name)
    }
}
