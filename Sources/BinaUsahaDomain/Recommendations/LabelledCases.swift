/// A case an experienced officer labelled: a person (desa, interests, talents, limits) and the
/// skill they would put first, with the alternatives they would accept.
public struct LabelledCase: Sendable, Equatable {
    public var line: Int
    public var subject: RecommendationSubject
    public var expected: String
    public var acceptable: [String]
    public var note: String
}

/// Reads the labelled set: a CSV with the columns `kode_desa, minat, keahlian, disabilitas,
/// kendala_kesehatan, usia, utama, alternatif, catatan` (lists separated by `;`; `usia` may be
/// empty, read as 40).
public enum LabelledCases {
    public static let columns = ["kode_desa", "minat", "keahlian", "disabilitas", "kendala_kesehatan", "usia", "utama", "alternatif", "catatan"]
    public static let required: Set<String> = ["kode_desa", "utama"]

    public struct Problem: Error, Sendable, Equatable {
        public var line: Int
        public var message: String
    }

    public static func parse(_ bytes: [UInt8], skills: Set<String>) throws(Problem) -> [LabelledCase] {
        var reader = CSVRecordReader(delimiter: CSVRecordReader.detectDelimiter(in: bytes.prefix(4096)))
        let records = reader.feed(bytes) + reader.finish()
        guard let header = records.first, header.problem == nil else { throw Problem(line: 1, message: "baris judul tidak terbaca") }
        let names = header.fields.map { TextFolding.fold($0) }
        for column in required.sorted() where !names.contains(column) { throw Problem(line: 1, message: "kolom \(column) tidak ada") }
        var cases: [LabelledCase] = []
        for record in records.dropFirst() where !(record.fields.count == 1 && TextFolding.trim(record.fields[0]).isEmpty) {
            if record.problem != nil { throw Problem(line: record.line, message: "baris tidak terbaca (UTF-8 atau tanda kutip)") }
            var row: [String: String] = [:]
            for (name, value) in zip(names, record.fields) { row[name] = TextFolding.trim(value) }
            func list(_ column: String) -> [String] {
                (row[column] ?? "").split(separator: ";").map { TextFolding.fold(String($0)) }.filter { !$0.isEmpty }
            }
            guard let desa = try? RegionCode(validating: row["kode_desa"] ?? ""), desa.level == .desaKelurahan else {
                throw Problem(line: record.line, message: "kode_desa '\(row["kode_desa"] ?? "")' bukan kode desa/kelurahan")
            }
            let expected = TextFolding.fold(row["utama"] ?? "")
            guard skills.contains(expected) else {
                throw Problem(line: record.line, message: "keterampilan utama '\(expected)' tidak ada di katalog")
            }
            let acceptable = list("alternatif")
            if let unknown = acceptable.first(where: { !skills.contains($0) }) {
                throw Problem(line: record.line, message: "alternatif '\(unknown)' tidak ada di katalog")
            }
            let ageText = row["usia"] ?? ""
            guard ageText.isEmpty || Int(ageText).map({ (0...120).contains($0) }) == true else {
                throw Problem(line: record.line, message: "usia '\(ageText)' harus angka 0–120")
            }
            let health = list("kendala_kesehatan").map { $0.replacingOccurrences(of: " ", with: "-") }
            cases.append(
                LabelledCase(
                    line: record.line,
                    subject: RecommendationSubject(
                        desa: desa, interests: list("minat"), talents: list("keahlian"),
                        limitations: Limitation.of(disability: row["disabilitas"] ?? "", health: health, age: Int(ageText) ?? 40)),
                    expected: expected, acceptable: acceptable, note: row["catatan"] ?? ""))
        }
        return cases
    }
}

/// How often the recommender's first (and first three) skills agree with the labelled set.
public struct RecommendationEvaluation: Sendable {
    public struct Disagreement: Sendable {
        public var labelled: LabelledCase
        public var ranked: [Recommendation]
        /// The expected skill's place in the ranking (1-based), or `nil` when it was excluded or below the list.
        public var position: Int?
    }

    public var cases: Int
    public var top1: Int
    public var top3: Int
    /// The cases whose first skill is not the labelled one.
    public var disagreements: [Disagreement]

    public init(_ labelled: [LabelledCase], recommender: Recommender) {
        cases = labelled.count
        top1 = 0
        top3 = 0
        disagreements = []
        var fitsByDesa: [RegionCode: [Recommender.PlaceFit]] = [:]
        for item in labelled {
            let fits = fitsByDesa[item.subject.desa] ?? recommender.placeFits(at: item.subject.desa)
            fitsByDesa[item.subject.desa] = fits
            let ranked = recommender.rank(fits, for: item.subject, limit: recommender.skills.count).ranked
            let position = ranked.firstIndex { $0.skill == item.expected }.map { $0 + 1 }
            if position == 1 {
                top1 += 1
            } else {
                disagreements.append(Disagreement(labelled: item, ranked: Array(ranked.prefix(3)), position: position))
            }
            if let position, position <= 3 { top3 += 1 }
        }
    }

    public var top1Share: Double { cases == 0 ? 1 : Double(top1) / Double(cases) }
    public var top3Share: Double { cases == 0 ? 1 : Double(top3) / Double(cases) }

    /// "top-1 24/25 (96,0 %)": what the CLI and the admin page print.
    public static func percent(_ share: Double, _ lang: Lang = .id) -> String {
        let text = String(format: "%.1f", share * 100)
        return (lang == .id ? text.replacingOccurrences(of: ".", with: ",") : text) + " %"
    }

    /// The report `binausaha eval recommendations` prints.
    public func report(_ lang: Lang = .id) -> String {
        let id = lang == .id
        var out =
            (id ? "Kasus berlabel: \(cases)\n" : "Labelled cases: \(cases)\n")
            + "top-1: \(top1)/\(cases) (\(Self.percent(top1Share, lang)))\n"
            + "top-3: \(top3)/\(cases) (\(Self.percent(top3Share, lang)))\n"
        for item in disagreements {
            let subject = item.labelled.subject
            out +=
                "\n" + (id ? "Baris \(item.labelled.line)" : "Line \(item.labelled.line)")
                + ": \(subject.desa.rawValue), minat \(subject.interests.joined(separator: ";")), "
                + (id ? "keahlian " : "talents ") + subject.talents.joined(separator: ";") + "\n"
            out +=
                (id ? "  diharapkan: " : "  expected: ") + item.labelled.expected
                + (item.position.map { id ? " (urutan \($0))" : " (rank \($0))" } ?? (id ? " (tidak direkomendasikan)" : " (not recommended)")) + "\n"
            for (index, rec) in item.ranked.enumerated() {
                let parts = rec.parts
                out +=
                    "  \(index + 1). \(rec.skill) \(formatRatio(rec.score, lang))"
                    + (rec.isAlternative ? (id ? " (alternatif)" : " (alternative)") : "")
                    + " [bahan \(formatRatio(parts.resource, lang)), sentra \(formatRatio(parts.localCraft, lang)), minat \(formatRatio(parts.interest, lang)), keahlian \(formatRatio(parts.talent, lang)), nilai tambah \(formatRatio(parts.valueAdded, lang)), rekam jejak \(formatRatio(parts.trackRecord, lang))]\n"
            }
        }
        return out
    }
}
