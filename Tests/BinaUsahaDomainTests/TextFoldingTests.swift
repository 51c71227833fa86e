import BinaUsahaDomain
import Testing

@Suite("Folding and trimming text")
struct TextFoldingTests {
    @Test(
        "Folding ignores case, accents and extra spaces; the ASCII fast path agrees with the general one",
        arguments: [
            ("  Siti   AMINAH ", "siti aminah"), ("Siti Aïsyah", "siti aisyah"), ("M. Ridwan\tBin Ali", "m. ridwan bin ali"),
            ("", ""), ("   ", ""), ("ÉDI", "edi"),
        ])
    func fold(text: String, expected: String) {
        #expect(TextFolding.fold(text) == expected)
    }

    @Test(
        "Trimming removes white space at both ends only",
        arguments: [
            (" 1602 ", "1602"), ("\u{00A0}Siti\u{00A0}", "Siti"),
            ("a b", "a b"), ("", ""), (" \n\t ", ""), ("\r\n24;25\r\n", "24;25"),
        ])
    func trim(text: String, expected: String) {
        #expect(TextFolding.trim(text) == expected)
    }
}
