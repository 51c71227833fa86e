import BinaUsahaDomain
import Foundation
import Testing

@Suite("Access rules")
struct AccessTests {
    func principal(_ role: Role, _ region: String?) -> Principal {
        Principal(userID: UUID(), username: "u", role: role, region: region.map(RegionCode.init(trusted:)))
    }

    @Test("Only the provincial admin manages users")
    func manageUsers() {
        for role in Role.allCases {
            #expect(PermissionPolicy(.manageUsers).decide(for: principal(role, nil)) == (role == .adminProvinsi ? .allow : .forbidden))
        }
        #expect(PermissionPolicy(.manageUsers).decide(for: nil) == .unauthenticated)
    }

    @Test("The audit trail is for the admin and the pimpinan")
    func readAudit() {
        let readers = Role.allCases.filter { $0.permissions.contains(.readAudit) }
        #expect(Set(readers) == [.adminProvinsi, .pimpinan])
    }

    @Test("A partner never sees personal data")
    func mitra() {
        let partner = principal(.mitra, nil)
        #expect(!partner.seesPersonalData(in: RegionCode(trusted: "16.02.03.2002")))
        #expect(PersonalDataMask.identityNumber("1602031234560001", for: partner, region: nil) == "1602**********01")
    }

    @Test("Region containment: the user's region must contain the record's region")
    func containment() {
        let oki = principal(.operatorKabkota, "16.02")
        let policy = RegionContainmentPolicy()
        #expect(policy.decide(for: oki, recordRegion: RegionCode(trusted: "16.02.03.2002")) == .allow)
        #expect(policy.decide(for: oki, recordRegion: RegionCode(trusted: "16.01.20.2001")) == .forbidden)
        #expect(policy.decide(for: oki, recordRegion: nil) == .forbidden)
        #expect(policy.decide(for: principal(.adminProvinsi, nil), recordRegion: RegionCode(trusted: "16.01")) == .allow)
        #expect(policy.decide(for: nil, recordRegion: RegionCode(trusted: "16.01")) == .unauthenticated)
    }

    @Test(
        "NIK, KK and phone numbers are masked for those without the right",
        arguments: [
            ("1602031234560001", "1602**********01"), ("081234567890", "0812******90"), ("123", "***"),
        ])
    func masking(value: String, masked: String) {
        #expect(PersonalDataMask.identityNumber(value) == masked)
    }

    @Test("An operator sees personal data only inside their kab/kota")
    func operatorScope() {
        let oki = principal(.operatorKabkota, "16.02")
        let nik = "1602031234560001"
        #expect(PersonalDataMask.identityNumber(nik, for: oki, region: RegionCode(trusted: "16.02.03.2002")) == nik)
        #expect(PersonalDataMask.identityNumber(nik, for: oki, region: RegionCode(trusted: "16.01.20.2001")) == "1602**********01")
        #expect(PersonalDataMask.phone("081234567890", for: nil, region: nil) == "0812******90")
    }

    @Test("Roles must sit at a fitting region level")
    func roleRegions() throws {
        #expect(throws: UserRuleError.regionRequired(.operatorKabkota)) { try UserRules.validateRegion(nil, for: .operatorKabkota) }
        #expect(throws: UserRuleError.regionLevel(.operatorKabkota, .kecamatan)) {
            try UserRules.validateRegion(RegionCode(trusted: "16.02.03"), for: .operatorKabkota)
        }
        try UserRules.validateRegion(RegionCode(trusted: "16.02"), for: .operatorKabkota)
        try UserRules.validateRegion(nil, for: .adminProvinsi)
        try UserRules.validateRegion(RegionCode(trusted: "16.02.03"), for: .pendamping)
    }

    @Test("Passwords: long enough and not the username")
    func passwords() throws {
        #expect(throws: UserRuleError.passwordTooShort) { try UserRules.validatePassword("pendek", username: "ani") }
        #expect(throws: UserRuleError.passwordIsUsername) { try UserRules.validatePassword("operatoroki", username: "operatoroki") }
        try UserRules.validatePassword("cukup-panjang-1", username: "ani")
        #expect(throws: UserRuleError.badUsername) { try UserRules.validateUsername("Ani Lestari") }
    }

    @Test("Five failures in the window throttle an account")
    func throttle() {
        #expect(!LoginThrottle.isThrottled(failures: 4))
        #expect(LoginThrottle.isThrottled(failures: 5))
        #expect(LoginThrottle.window == 900)
    }

    @Test("An audit diff lists only the fields that changed")
    func diff() {
        let changes = FieldChange.diff(["role": "mitra", "name": "Ani", "region": nil], ["role": "pimpinan", "name": "Ani", "region": "16.02"])
        #expect(
            changes == [
                FieldChange(field: "region", before: nil, after: "16.02"),
                FieldChange(field: "role", before: "mitra", after: "pimpinan"),
            ])
    }
}
