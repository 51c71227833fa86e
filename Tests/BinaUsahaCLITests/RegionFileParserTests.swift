import BinaUsahaCLI
import BinaUsahaDomain
import Testing

@Suite("Region file layouts")
struct RegionFileParserTests {
    @Test(
        "The parent column tells the level of the file",
        arguments: [
            ("code,name\n", RegionLevel.provinsi), ("code,province_code,name,kind\n", .kabupatenKota),
            ("code,regency_code,name\n", .kecamatan), ("code,district_code,name,kind\n", .desaKelurahan),
        ])
    func level(header: String, level: RegionLevel) throws {
        #expect(try RegionFileParser.parse(Array(header.utf8)).expectedLevel == level)
    }

    @Test("Rows are read by column name, in any column order")
    func columnsByName() throws {
        let parsed = try RegionFileParser.parse(Array("name,kind,code,district_code\nPedamaran I,desa,16.02.03.2002,16.02.03\n".utf8))
        #expect(parsed.rows == [RegionImportRow(line: 2, code: "16.02.03.2002", parentCode: "16.02.03", name: "Pedamaran I", kind: "desa")])
    }

    @Test("A row with the wrong number of columns is unreadable, the rest is read")
    func columnCount() throws {
        let parsed = try RegionFileParser.parse(Array("code,regency_code,name\n16.02.03,16.02\n16.02.04,16.02,Kayuagung\n".utf8))
        #expect(parsed.unreadable.map(\.reason) == [.columnCount(expected: 3, found: 2)])
        #expect(parsed.unreadable.first?.line == 2)
        #expect(parsed.rows.map(\.code) == ["16.02.04"])
    }

    @Test("A header without code or name is refused as a whole")
    func missingColumns() {
        #expect(throws: RegionFileParser.FileError.missingColumn("code")) { try RegionFileParser.parse(Array("kode,nama\n".utf8)) }
        #expect(throws: RegionFileParser.FileError.missingColumn("name")) { try RegionFileParser.parse(Array("code,nama\n".utf8)) }
        #expect(throws: RegionFileParser.FileError.empty) { try RegionFileParser.parse([]) }
    }
}
