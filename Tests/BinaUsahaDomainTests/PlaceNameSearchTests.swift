import BinaUsahaDomain
import Testing

/// Desa names as field staff type them (DOMAIN.md, "Village names in the press vs Kemendagri").
@Suite("Finding a desa by the name people type")
struct PlaceNameSearchTests {
    static let places = [
        Region(code: RegionCode(trusted: "16.72.04.1018"), name: "Prahu Dipo", kind: .kelurahan),
        Region(code: RegionCode(trusted: "16.72.04.1001"), name: "Perahu Baru", kind: .kelurahan),
        Region(code: RegionCode(trusted: "16.05.01.2017"), name: "Sidoharjo", kind: .desa),
        Region(code: RegionCode(trusted: "16.10.07.2004"), name: "Battu Winangun", kind: .desa),
        Region(code: RegionCode(trusted: "16.10.01.2009"), name: "Muara P. Ulu", kind: .desa),
        Region(code: RegionCode(trusted: "16.02.03.2007"), name: "Sidomulyo", kind: .desa),
    ]

    @Test(
        "Press spellings find the Kemendagri name first",
        arguments: [
            ("Perahu Dipo", "Prahu Dipo"), ("prahu dipo", "Prahu Dipo"), ("L Sidoharjo", "Sidoharjo"), ("Kel. Prahu Dipo", "Prahu Dipo"),
            ("Batuwinangun", "Battu Winangun"), ("battu", "Battu Winangun"), ("SIDOHARJO", "Sidoharjo"), ("muara p ulu", "Muara P. Ulu"),
        ])
    func pressSpelling(typed: String, expected: String) {
        #expect(PlaceNameSearch.matches(typed, in: Self.places).first?.name == expected)
    }

    @Test("An exact name comes before a longer one; a beginning before a typo; one letter finds nothing")
    func order() {
        #expect(PlaceNameSearch.matches("sido", in: Self.places).map(\.name) == ["Sidoharjo", "Sidomulyo"])
        #expect(PlaceNameSearch.matches("perahu", in: Self.places).map(\.name).prefix(2) == ["Perahu Baru", "Prahu Dipo"])
        #expect(PlaceNameSearch.matches("s", in: Self.places).isEmpty)
        #expect(PlaceNameSearch.matches("ulu", in: Self.places).map(\.name) == ["Muara P. Ulu"])
        #expect(PlaceNameSearch.matches("zzzz", in: Self.places).isEmpty)
        #expect(PlaceNameSearch.matches("sido", in: Self.places, limit: 1).count == 1)
    }

    @Test("Hostile text neither crashes nor matches everything")
    func hostile() {
        for typed in ["%", "'; DROP TABLE regions; --", "\u{0}\u{7F}", String(repeating: "a", count: 10_000), "🙂🙂", "  "] {
            #expect(PlaceNameSearch.matches(typed, in: Self.places).count < Self.places.count)
        }
    }
}
