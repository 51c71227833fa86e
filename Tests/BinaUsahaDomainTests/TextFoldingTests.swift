import BinaUsahaDomain
import Testing

@Suite("Folding and trimming text")
struct TextFoldingTests {
    @Test(
        "Folding ignores case, accents and extra spaces; the ASCII fast path agrees with the general one",
        arguments: [
            ("  Siti   AMINAH ", "siti aminah"), ("Siti Aïsyah", "siti aisyah"), ("M. Ridwan\tBin Ali", "m. ridwan bin ali"),
            ("", ""), ("   ", ""), ("ÉDI", "edi"), ("Ani\u{0}\u{1E}Nur\u{7F}", "ani nur"), ("Édi\u{1F}\u{85}Ayu\u{0}", "edi ayu"),
        ])
    func fold(text: String, expected: String) {
        #expect(TextFolding.fold(text) == expected)
    }

    @Test(
        "Control characters other than tab and line breaks are found, in either encoding length",
        arguments: [
            ("Siti\u{0}", true), ("\u{1B}[31m", true), ("a\u{7F}", true), ("Édi\u{85}", true), ("Édi\u{9F}", true),
            ("Siti\tAminah\r\n", false), ("Édi Ñ ¡ ÿ", false), ("", false), ("Dewi 😀 \u{2028}", false),
        ])
    func controlCharacters(text: String, found: Bool) {
        #expect(TextFolding.containsControlCharacters(text) == found)
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
