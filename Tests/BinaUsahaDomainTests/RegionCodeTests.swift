import BinaUsahaDomain
import Testing

@Suite("Region codes")
struct RegionCodeTests {
    @Test(
        "Dotted Kemendagri codes of every level are accepted",
        arguments: [
            ("16", RegionLevel.provinsi), ("16.02", .kabupatenKota), ("16.02.03", .kecamatan), ("16.02.03.2002", .desaKelurahan),
        ])
    func validCodes(text: String, level: RegionLevel) throws {
        let code = try RegionCode(validating: text)
        #expect(code.level == level)
        #expect(code.rawValue == text)
    }

    @Test(
        "Malformed codes are refused with a reason",
        arguments: [
            "", "1", "16.2", "1602", "16.02.3", "16.02.03.200",
            "16.02.03.2002.1", "16.00", "AB.01", "16..02", "16.02.",
        ])
    func invalidCodes(text: String) {
        #expect(throws: RegionCodeError.self) { try RegionCode(validating: text) }
    }

    @Test("The reason names the bad segment in Indonesian")
    func reasonInIndonesian() {
        #expect(throws: RegionCodeError.badSegment(code: "16.2", position: 2, expectedDigits: 2)) {
            try RegionCode(validating: "16.2")
        }
        let message = RegionCodeError.badSegment(code: "16.2", position: 2, expectedDigits: 2).message(.id)
        #expect(message == "kode wilayah '16.2': bagian ke-2 harus 2 angka (format 16.02.03.2002)")
    }

    @Test("A code knows its parent, lineage and digit form")
    func lineage() throws {
        let code = try RegionCode(validating: "16.02.03.2002")
        #expect(code.parent?.rawValue == "16.02.03")
        #expect(code.lineage.map(\.rawValue) == ["16", "16.02", "16.02.03", "16.02.03.2002"])
        #expect(code.digits == "1602032002")
        #expect(RegionCode(trusted: "16").parent == nil)
    }

    @Test("Containment follows the code prefix, not the string prefix")
    func containment() {
        let oki = RegionCode(trusted: "16.02")
        #expect(oki.contains(RegionCode(trusted: "16.02.03.2002")))
        #expect(oki.contains(oki))
        #expect(!oki.contains(RegionCode(trusted: "16.01")))
        #expect(!RegionCode(trusted: "16.0").contains(RegionCode(trusted: "16.02")))
    }

    @Test(
        "The kind follows from the code ranges",
        arguments: [
            ("16", RegionKind.provinsi), ("16.01", .kabupaten), ("16.71", .kota), ("16.02.03", .kecamatan),
            ("16.02.03.2002", .desa), ("16.71.11.1001", .kelurahan), ("91.03.01.3001", .desaAdat),
        ])
    func impliedKind(text: String, kind: RegionKind) {
        #expect(RegionKind.implied(by: RegionCode(trusted: text)) == kind)
    }

    @Test("Codes outside the ranges imply no kind")
    func outsideRanges() {
        #expect(RegionKind.implied(by: RegionCode(trusted: "16.70")) == nil)
        #expect(RegionKind.implied(by: RegionCode(trusted: "16.02.03.4001")) == nil)
    }

    @Test("The shipped province has the 17 kabupaten/kota of DOMAIN.md §4")
    func shippedRegions() {
        #expect(SumateraSelatan.kabupatenKota.count == 17)
        #expect(SumateraSelatan.kabupatenKota.filter { $0.kind == .kota }.count == 4)
        #expect(SumateraSelatan.kabupatenKota.allSatisfy { $0.parentCode == SumateraSelatan.provinceCode })
        #expect(SumateraSelatan.kabupatenKota.allSatisfy { RegionKind.implied(by: $0.code) == $0.kind })
    }
}
