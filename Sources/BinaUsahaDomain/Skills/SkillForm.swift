import Foundation

/// What the skill form sends; `validate` turns it into a skill or field-by-field messages.
///
/// Needs are written one per line as `kode:bobot` or `kode:bobot:wajib`; products one per line
/// as `nama | satuan | biaya bahan | harga jual`. A phone's plain text box is enough.
public struct SkillForm: Sendable, Equatable {
    public var code: String
    public var name: String
    public var description: String
    public var needs: String
    public var interests: String
    public var trainingHours: String
    public var starterKitCost: String
    public var products: String
    public var suitability: String
    /// One rule per line: `keterbatasan:tidak-cocok|kurang-cocok:alasan`.
    public var unsuitable: String
    public var figuresEstimated: Bool
    public var source: String

    public init(
        code: String = "", name: String = "", description: String = "", needs: String = "", interests: String = "",
        trainingHours: String = "", starterKitCost: String = "", products: String = "", suitability: String = "",
        unsuitable: String = "", figuresEstimated: Bool = true, source: String = ""
    ) {
        self.code = code
        self.name = name
        self.description = description
        self.needs = needs
        self.interests = interests
        self.trainingHours = trainingHours
        self.starterKitCost = starterKitCost
        self.products = products
        self.suitability = suitability
        self.unsuitable = unsuitable
        self.figuresEstimated = figuresEstimated
        self.source = source
    }

    public init(_ skill: Skill) {
        self.init(
            code: skill.code, name: skill.name, description: skill.description,
            needs: skill.needs.map { "\($0.resource):\($0.weight)\($0.essential ? ":wajib" : "")" }.joined(separator: "\n"),
            interests: skill.interests.joined(separator: "; "), trainingHours: String(skill.trainingHours),
            starterKitCost: String(skill.starterKitCost.amount),
            products: skill.products.map { "\($0.name) | \($0.unit) | \($0.materialCost.amount) | \($0.sellingPrice.amount)" }
                .joined(separator: "\n"),
            suitability: skill.suitability, unsuitable: skill.unsuitable.map(\.line).joined(separator: "\n"),
            figuresEstimated: skill.figuresEstimated, source: skill.source)
    }

    /// Field name → problem. Empty when the form is valid.
    public func validate(resources: Set<String>, interestTags: Set<String>, version: Int = 1) -> Result<Skill, FormErrors> {
        var errors = FormErrors()
        let code = code.trimmingCharacters(in: .whitespaces).lowercased()
        if !Resource.isValidCode(code) { errors["code"] = .badCode }
        let name = name.trimmingCharacters(in: .whitespaces)
        if name.isEmpty { errors["name"] = .nameRequired }

        var needs: [ResourceNeed] = []
        for (index, line) in lines(self.needs).enumerated() {
            let parts = line.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard (2...3).contains(parts.count), let weight = Int(parts[1]), (1...5).contains(weight),
                parts.count == 2 || parts[2] == "wajib"
            else {
                errors["needs"] = .badNeed(line: index + 1, text: line)
                break
            }
            guard resources.contains(parts[0]) else {
                errors["needs"] = .unknownResource(line: index + 1, code: parts[0])
                break
            }
            guard !needs.contains(where: { $0.resource == parts[0] }) else {
                errors["needs"] = .resourceTwice(line: index + 1, code: parts[0])
                break
            }
            needs.append(ResourceNeed(resource: parts[0], weight: weight, essential: parts.count == 3))
        }

        let interests = interestList(self.interests)
        if let unknown = interests.first(where: { !interestTags.contains($0) }) {
            errors["interests"] = .unknownInterest(unknown)
        }

        let hours = Int(trainingHours.trimmingCharacters(in: .whitespaces))
        if hours == nil || !(1...2000).contains(hours!) { errors["trainingHours"] = .trainingHours }
        let kit = RupiahParsing.parse(starterKitCost)
        if kit == nil { errors["starterKitCost"] = .starterKitCost }

        var products: [SkillProduct] = []
        for (index, line) in lines(self.products).enumerated() {
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 4, !parts[0].isEmpty, !parts[1].isEmpty,
                let material = RupiahParsing.parse(parts[2]), let price = RupiahParsing.parse(parts[3])
            else {
                errors["products"] = .badProduct(line: index + 1, text: line)
                break
            }
            guard price.amount > 0 else {
                errors["products"] = .zeroPrice(line: index + 1)
                break
            }
            products.append(SkillProduct(name: parts[0], unit: parts[1], materialCost: material, sellingPrice: price))
        }
        if products.isEmpty, errors["products"] == nil { errors["products"] = .noProducts }

        var rules: [SuitabilityRule] = []
        for (index, line) in lines(self.unsuitable).enumerated() {
            guard let rule = SuitabilityRule(line: line), rule.reason.count <= 200 else {
                errors["unsuitable"] = .badSuitabilityRule(line: index + 1, text: line)
                break
            }
            guard !rules.contains(where: { $0.limitation == rule.limitation }) else {
                errors["unsuitable"] = .limitationTwice(line: index + 1, code: rule.limitation.rawValue)
                break
            }
            rules.append(rule)
        }

        guard errors.isEmpty else { return .failure(errors) }
        return .success(
            Skill(
                code: code, name: name, description: description.trimmingCharacters(in: .whitespacesAndNewlines),
                needs: needs, interests: interests, trainingHours: hours!, starterKitCost: kit!, products: products,
                suitability: suitability.trimmingCharacters(in: .whitespacesAndNewlines), unsuitable: rules,
                figuresEstimated: figuresEstimated, source: source.trimmingCharacters(in: .whitespaces), version: version))
    }

    private func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private func interestList(_ text: String) -> [String] {
        var seen = Set<String>()
        return text.split(whereSeparator: { $0 == ";" || $0 == "," || $0.isNewline }).map { TextFolding.fold(String($0)) }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}

/// Field → what is wrong with it.
public struct FormErrors: Error, Equatable, Sendable, ExpressibleByDictionaryLiteral {
    public var fields: [String: SkillFormProblem]

    public init(fields: [String: SkillFormProblem] = [:]) { self.fields = fields }
    public init(dictionaryLiteral elements: (String, SkillFormProblem)...) { fields = Dictionary(elements, uniquingKeysWith: { a, _ in a }) }

    public subscript(field: String) -> SkillFormProblem? {
        get { fields[field] }
        set { fields[field] = newValue }
    }

    public var isEmpty: Bool { fields.isEmpty }
}

/// What is wrong with a field of the skills catalogue form, in either language.
public enum SkillFormProblem: Equatable, Sendable, LocalizedMessage {
    case badCode
    case nameRequired
    case badNeed(line: Int, text: String)
    case unknownResource(line: Int, code: String)
    case resourceTwice(line: Int, code: String)
    case unknownInterest(String)
    case trainingHours
    case starterKitCost
    case badProduct(line: Int, text: String)
    case zeroPrice(line: Int)
    case noProducts
    case badSuitabilityRule(line: Int, text: String)
    case limitationTwice(line: Int, code: String)
    case codeTaken(String)
    case changedMeanwhile

    public func message(_ lang: Lang) -> String {
        let id = lang == .id
        switch self {
        case .badCode:
            return id
                ? "Kode 2–40 huruf kecil, angka atau tanda hubung, mis. anyaman-purun."
                : "Code: 2–40 lower-case letters, digits or hyphens, e.g. anyaman-purun."
        case .nameRequired: return id ? "Nama keterampilan wajib diisi." : "The skill needs a name."
        case let .badNeed(line, text):
            return id
                ? "Baris \(line) \"\(text)\": tulis kode:bobot atau kode:bobot:wajib, bobot 1–5."
                : "Line \(line) \"\(text)\": write code:weight or code:weight:wajib, weight 1–5."
        case let .unknownResource(line, code):
            return id
                ? "Baris \(line): bahan baku \"\(code)\" tidak ada di katalog." : "Line \(line): raw material \"\(code)\" is not in the catalogue."
        case let .resourceTwice(line, code):
            return id ? "Baris \(line): \"\(code)\" tertulis dua kali." : "Line \(line): \"\(code)\" is written twice."
        case let .unknownInterest(tag):
            return id ? "Minat \"\(tag)\" tidak ada di daftar minat & bakat." : "Interest \"\(tag)\" is not in the list of interests and talents."
        case .trainingHours: return id ? "Jam pelatihan: bilangan bulat 1–2000." : "Training hours: a whole number 1–2000."
        case .starterKitCost:
            return id
                ? "Biaya paket usaha: jumlah rupiah, mis. 2500000 atau Rp 2.500.000."
                : "Starter kit cost: an amount in rupiah, e.g. 2500000 or Rp 2.500.000."
        case let .badProduct(line, text):
            return id
                ? "Baris \(line) \"\(text)\": tulis nama | satuan | biaya bahan | harga jual."
                : "Line \(line) \"\(text)\": write name | unit | material cost | selling price."
        case let .zeroPrice(line):
            return id ? "Baris \(line): harga jual harus lebih dari Rp 0." : "Line \(line): the selling price must be more than Rp 0."
        case .noProducts: return id ? "Tulis sedikitnya satu produk." : "Write at least one product."
        case let .badSuitabilityRule(line, text):
            let codes = Limitation.allCases.map(\.rawValue).joined(separator: ", ")
            return id
                ? "Baris \(line) \"\(text)\": tulis keterbatasan:tidak-cocok:alasan atau keterbatasan:kurang-cocok:alasan (alasan paling banyak 200 karakter); keterbatasan salah satu dari \(codes)."
                : "Line \(line) \"\(text)\": write limitation:tidak-cocok:reason or limitation:kurang-cocok:reason (reason up to 200 characters); limitation one of \(codes)."
        case let .limitationTwice(line, code):
            return id ? "Baris \(line): \"\(code)\" tertulis dua kali." : "Line \(line): \"\(code)\" is written twice."
        case let .codeTaken(code): return id ? "Kode \(code) sudah dipakai keterampilan lain." : "Code \(code) is already used by another skill."
        case .changedMeanwhile:
            return id
                ? "Keterampilan ini sudah diubah orang lain sejak Anda membukanya; muat ulang lalu ulangi."
                : "Someone else changed this skill since you opened it; reload and redo your change."
        }
    }
}

/// Reads `2500000`, `2.500.000`, `Rp 2.500.000`, `Rp2.500.000,00`.
public enum RupiahParsing {
    public static func parse(_ text: String) -> Rupiah? {
        var body = text.trimmingCharacters(in: .whitespaces)
        if body.lowercased().hasPrefix("rp") { body = String(body.dropFirst(2)).trimmingCharacters(in: .whitespaces) }
        if body.hasSuffix(",00") { body = String(body.dropLast(3)) } else if body.hasSuffix(",-") { body = String(body.dropLast(2)) }
        body = body.replacingOccurrences(of: ".", with: "")
        guard !body.isEmpty, body.count <= 15, body.allSatisfy(\.isASCII), let amount = Int64(body), amount >= 0 else { return nil }
        return Rupiah(amount)
    }
}
