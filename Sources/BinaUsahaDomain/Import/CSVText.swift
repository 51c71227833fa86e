/// Writes CSV (RFC 4180): fields with a comma, quote or line break are quoted, quotes doubled.
/// Lines end with CRLF, and a UTF-8 byte-order mark is prepended so spreadsheets open the
/// file as UTF-8.
public enum CSVText {
    public static let byteOrderMark = "\u{FEFF}"

    public static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// A line of a file made for people to open in a spreadsheet (exports, problem lists):
    /// a cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or CR first,
    /// also after leading spaces) is written with a `'` in front, so it shows as text.
    public static func spreadsheetLine(_ fields: [String]) -> String {
        fields.map { field(neutralised($0)) }.joined(separator: ",") + "\r\n"
    }

    public static func neutralised(_ text: String) -> String {
        guard let first = text.first(where: { $0 != " " }), "=+-@\t\r".contains(first) else { return text }
        return "'" + text
    }

    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The rejected rows of an import: `baris,kolom,nilai,alasan`.
    public static func problems<Reason>(_ problems: [ImportProblem<Reason>], lang: Lang = .id) -> String {
        var out = byteOrderMark + spreadsheetLine(lang == .id ? ["baris", "kolom", "nilai", "alasan"] : ["line", "column", "value", "reason"])
        for problem in problems {
            out += spreadsheetLine([String(problem.line), problem.column ?? "", problem.value ?? "", problem.message(lang)])
        }
        return out
    }
}
