import BinaUsahaDomain
import Foundation

/// Reads the official region lists in the layouts of `data/regions/*.csv`: a header row with
/// `code`, a parent-code column (`province_code`, `regency_code`, `district_code` or
/// `parent_code`), `name` and optionally `kind`.
public enum RegionFileParser {
    public struct Parsed: Sendable {
        public var rows: [RegionImportRow] = []
        public var unreadable: [ImportProblem<RegionRowProblem>] = []
        /// The level the parent column implies (`regency_code` → kecamatan, …).
        public var expectedLevel: RegionLevel?
    }

    public enum FileError: Error, Equatable, LocalizedMessage {
        case empty
        case headerNotUTF8
        case missingColumn(String)

        public func message(_ language: Lang) -> String {
            switch (self, language) {
            case (.empty, .id): "berkas kosong"
            case (.empty, .en): "the file is empty"
            case (.headerNotUTF8, .id): "baris judul bukan teks UTF-8; simpan berkas sebagai CSV UTF-8"
            case (.headerNotUTF8, .en): "the header is not UTF-8 text; save the file as CSV UTF-8"
            case let (.missingColumn(name), .id): "kolom '\(name)' tidak ada di baris judul"
            case let (.missingColumn(name), .en): "the header has no '\(name)' column"
            }
        }
    }

    static let parentColumns: [String: RegionLevel?] = [
        "province_code": .kabupatenKota,
        "regency_code": .kecamatan,
        "district_code": .desaKelurahan,
        "parent_code": nil,
    ]

    public static func parse(_ bytes: [UInt8]) throws(FileError) -> Parsed {
        var reader = CSVRecordReader(delimiter: CSVRecordReader.detectDelimiter(in: bytes))
        let records = reader.feed(bytes) + reader.finish()
        guard let header = records.first else { throw .empty }
        guard header.problem == nil else { throw .headerNotUTF8 }
        let columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let codeIndex = columns.firstIndex(of: "code") else { throw .missingColumn("code") }
        guard let nameIndex = columns.firstIndex(of: "name") else { throw .missingColumn("name") }
        let parentIndex = columns.firstIndex { parentColumns.keys.contains($0) }
        let kindIndex = columns.firstIndex(of: "kind")

        var parsed = Parsed()
        if let parentIndex {
            parsed.expectedLevel = parentColumns[columns[parentIndex]]!
        } else {
            parsed.expectedLevel = .provinsi
        }
        for record in records.dropFirst() {
            if let problem = record.problem {
                parsed.unreadable.append(.init(line: record.line, reason: problem == .notUTF8 ? .notUTF8 : .unterminatedQuote))
                continue
            }
            guard record.fields.count == columns.count else {
                parsed.unreadable.append(
                    .init(
                        line: record.line, value: record.fields.joined(separator: ","),
                        reason: .columnCount(expected: columns.count, found: record.fields.count)))
                continue
            }
            parsed.rows.append(
                RegionImportRow(
                    line: record.line,
                    code: record.fields[codeIndex],
                    parentCode: parentIndex.map { record.fields[$0] },
                    name: record.fields[nameIndex],
                    kind: kindIndex.map { record.fields[$0] }
                ))
        }
        return parsed
    }
}
