import BinaUsahaDomain
import Testing

@Suite("Reading CSV")
struct CSVRecordReaderTests {
    func read(_ bytes: [UInt8], delimiter: Character = ",", chunk: Int? = nil) -> [CSVRecordReader.Record] {
        var reader = CSVRecordReader(delimiter: delimiter.asciiValue!)
        var records: [CSVRecordReader.Record] = []
        if let chunk {
            for start in stride(from: 0, to: bytes.count, by: chunk) {
                records += reader.feed(bytes[start..<min(start + chunk, bytes.count)])
            }
        } else {
            records += reader.feed(bytes)
        }
        return records + reader.finish()
    }

    func read(_ text: String, delimiter: Character = ",", chunk: Int? = nil) -> [CSVRecordReader.Record] {
        read(Array(text.utf8), delimiter: delimiter, chunk: chunk)
    }

    @Test("Plain rows are split into fields with their line numbers")
    func plain() {
        let records = read("code,name\n16.01,OKU\n16.02,OKI\n")
        #expect(records.map(\.fields) == [["code", "name"], ["16.01", "OKU"], ["16.02", "OKI"]])
        #expect(records.map(\.line) == [1, 2, 3])
    }

    @Test("Quoted fields keep commas, doubled quotes and newlines; line numbers stay true")
    func quoted() {
        let records = read("a,b\n\"Ba'u, \"\"lama\"\"\",x\n\"baris\ndua\",y\nz,w")
        #expect(records[1].fields == ["Ba'u, \"lama\"", "x"])
        #expect(records[2].fields == ["baris\ndua", "y"])
        #expect(records[3].line == 5)
    }

    @Test("A byte-order mark and CRLF line ends are handled")
    func bomAndCRLF() {
        let records = read([0xEF, 0xBB, 0xBF] + Array("code,name\r\n16.01,OKU\r\n".utf8))
        #expect(records.map(\.fields) == [["code", "name"], ["16.01", "OKU"]])
    }

    @Test("Bytes that are not UTF-8 mark only their own record")
    func notUTF8() {
        let bytes = Array("a,b\n16.01,".utf8) + [0xC3, 0x28] + Array("\n16.02,OKI\n".utf8)
        let records = read(bytes)
        #expect(records.map(\.problem) == [nil, .notUTF8, nil])
        #expect(records[2].fields == ["16.02", "OKI"])
    }

    @Test("An unterminated quote is reported at the record where it opened")
    func unterminated() {
        let records = read("a,b\n1,\"open\n2,3\n")
        #expect(records.last?.problem == .unterminatedQuote)
        #expect(records.last?.line == 2)
    }

    @Test("Feeding in small chunks gives the same records as feeding at once")
    func chunked() {
        let text = "a;b\n\"x;y\";\"1\"\"2\"\r\nč;ž\n"
        #expect(read(text, delimiter: ";", chunk: 1) == read(text, delimiter: ";"))
        #expect(read(text, delimiter: ";")[1].fields == ["x;y", "1\"2"])
    }

    @Test("The delimiter is detected from the header", arguments: [("nik;nama;desa\n", ";"), ("code,name\n", ","), ("nama\n", ",")])
    func delimiter(header: String, expected: Character) {
        #expect(CSVRecordReader.detectDelimiter(in: Array(header.utf8)) == expected.asciiValue!)
    }

    @Test("Blank lines are skipped")
    func blankLines() {
        #expect(read("a\n\n1\n\n").map(\.fields) == [["a"], ["1"]])
    }

    @Test("LF, CRLF and a lone CR all end a line, with the same records and line numbers")
    func lineEnds() {
        let lf = read("a,b\n1,2\n3,4\n")
        #expect(read("a,b\r\n1,2\r\n3,4\r\n") == lf)
        #expect(read("a,b\r1,2\r3,4\r") == lf)
        #expect(read("a,b\r1,2\r3,4\r", chunk: 1) == lf)
        #expect(lf.map(\.line) == [1, 2, 3])
    }

    @Test("UTF-8 split across chunks is still valid, and every kind of line end is counted once")
    func utf8Chunks() {
        for text in ["Nyayu Fātimah\nCik Ani\n", "Nyayu Fātimah\r\nCik Ani\r\n", "Nyayu Fātimah\rCik Ani\r"] {
            var check = UTF8Check()
            let bytes = Array(text.utf8)
            for start in stride(from: 0, to: bytes.count, by: 3) { check.feed(Array(bytes[start..<min(start + 3, bytes.count)])) }
            check.finish()
            #expect(check.firstBadLine == nil)
            #expect(check.newlines == 2)
        }
    }
}
