/// A streaming RFC 4180 reader over raw bytes. It is fed chunks and hands back complete
/// records, each with the line it started on, so that memory does not grow with file size and
/// every problem can be reported by line. Lines end with LF, CRLF or a lone CR. Bytes that are not UTF-8 do not stop the reader:
/// the record is marked and the next one is read normally.
public struct CSVRecordReader: Sendable {
    public struct Record: Sendable, Equatable {
        public var line: Int
        public var fields: [String]
        public var problem: Problem?
    }

    public enum Problem: Sendable, Equatable {
        case notUTF8
        case unterminatedQuote
    }

    public let delimiter: UInt8
    private var field: [UInt8] = []
    private var fields: [String] = []
    private var inQuotes = false
    private var quoteInField = false
    private var recordLine = 1
    private var line = 1
    private var badBytes = false
    private var atStart = true
    private var bomBytesSeen = 0
    private var pendingCR = false

    public init(delimiter: UInt8 = UInt8(ascii: ",")) { self.delimiter = delimiter }

    /// Guesses `;` or `,` from the header line, as spreadsheets with Indonesian locale save `;`.
    public static func detectDelimiter(in headerLine: some Sequence<UInt8>) -> UInt8 {
        var commas = 0
        var semicolons = 0
        for byte in headerLine {
            if byte == UInt8(ascii: "\n") { break }
            if byte == UInt8(ascii: ",") { commas += 1 }
            if byte == UInt8(ascii: ";") { semicolons += 1 }
        }
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [Record] {
        var out: [Record] = []
        for byte in bytes {
            if atStart {
                // Skip a UTF-8 byte-order mark.
                let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
                if byte == bom[bomBytesSeen] {
                    bomBytesSeen += 1
                    if bomBytesSeen == 3 { atStart = false }
                    continue
                }
                atStart = false
                field.append(contentsOf: bom[0..<bomBytesSeen])
            }
            consume(byte, into: &out)
        }
        return out
    }

    public mutating func finish() -> [Record] {
        var out: [Record] = []
        if inQuotes {
            endField()
            out.append(Record(line: recordLine, fields: fields, problem: .unterminatedQuote))
            fields = []
            inQuotes = false
        } else if !field.isEmpty || !fields.isEmpty {
            endRecord(into: &out)
        }
        return out
    }

    private mutating func consume(_ byte: UInt8, into out: inout [Record]) {
        let quote = UInt8(ascii: "\"")
        let newline = UInt8(ascii: "\n")
        let cr = UInt8(ascii: "\r")
        if inQuotes {
            if byte == quote {
                inQuotes = false
                quoteInField = true
            } else {
                if byte == newline { line += 1 }
                field.append(byte)
            }
            return
        }
        if pendingCR {
            // The line ended with CR; an LF right after it belongs to the same line end.
            pendingCR = false
            if byte == newline { return }
        }
        switch byte {
        case quote:
            // A doubled quote inside a quoted field is a literal quote.
            if quoteInField { field.append(quote) }
            inQuotes = true
        case delimiter:
            endField()
        case newline:
            line += 1
            endRecord(into: &out)
            recordLine = line
        case cr:
            // CRLF (Windows) and a lone CR (old spreadsheets on the Mac) both end a line.
            line += 1
            endRecord(into: &out)
            recordLine = line
            pendingCR = true
        default:
            field.append(byte)
        }
    }

    private mutating func endField() {
        if let text = String(validating: field, as: UTF8.self) {
            fields.append(text)
        } else {
            badBytes = true
            fields.append(String(decoding: field, as: UTF8.self))
        }
        field.removeAll(keepingCapacity: true)
        quoteInField = false
    }

    private mutating func endRecord(into out: inout [Record]) {
        endField()
        // Blank lines are not records.
        if !(fields.count == 1 && fields[0].isEmpty) || badBytes {
            out.append(Record(line: recordLine, fields: fields, problem: badBytes ? .notUTF8 : nil))
        }
        fields.removeAll(keepingCapacity: true)
        badBytes = false
    }
}
