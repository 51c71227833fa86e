/// Writes CSV (RFC 4180): fields with a comma, quote or line break are quoted, quotes doubled.
/// Lines end with CRLF, and a UTF-8 byte-order mark is prepended so spreadsheets open the
/// file as UTF-8.
public enum CSVText {
    public static let byteOrderMark = "\u{FEFF}"

    public static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The rejected rows of an import: `baris,kolom,nilai,alasan`.
    public static func problems<Reason>(_ problems: [ImportProblem<Reason>], lang: Lang = .id) -> String {
        var out = byteOrderMark + line(lang == .id ? ["baris", "kolom", "nilai", "alasan"] : ["line", "column", "value", "reason"])
        for problem in problems {
            out += line([String(problem.line), problem.column ?? "", problem.value ?? "", problem.message(lang)])
        }
        return out
    }
}
