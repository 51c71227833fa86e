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
    public var figuresEstimated: Bool
    public var source: String

    public init(code: String = "", name: String = "", description: String = "", needs: String = "", interests: String = "",
                trainingHours: String = "", starterKitCost: String = "", products: String = "", suitability: String = "",
                figuresEstimated: Bool = true, source: String = "") {
        self.code = code
        self.name = name
        self.description = description
        self.needs = needs
        self.interests = interests
        self.trainingHours = trainingHours
        self.starterKitCost = starterKitCost
        self.products = products
        self.suitability = suitability
        self.figuresEstimated = figuresEstimated
        self.source = source
    }

    public init(_ skill: Skill) {
        self.init(code: skill.code, name: skill.name, description: skill.description,
                  needs: skill.needs.map { "\($0.resource):\($0.weight)\($0.essential ? ":wajib" : "")" }.joined(separator: "\n"),
                  interests: skill.interests.joined(separator: "; "), trainingHours: String(skill.trainingHours),
                  starterKitCost: String(skill.starterKitCost.amount),
                  products: skill.products.map { "\($0.name) | \($0.unit) | \($0.materialCost.amount) | \($0.sellingPrice.amount)" }
                      .joined(separator: "\n"),
                  suitability: skill.suitability, figuresEstimated: skill.figuresEstimated, source: skill.source)
    }

    /// Field name → message in Indonesian. Empty when the form is valid.
    public func validate(resources: Set<String>, interestTags: Set<String>, version: Int = 1) -> Result<Skill, FormErrors> {
        var errors = FormErrors()
        let code = code.trimmingCharacters(in: .whitespaces).lowercased()
        if !Resource.isValidCode(code) { errors["code"] = "Kode 2–40 huruf kecil, angka atau tanda hubung, mis. anyaman-purun." }
        let name = name.trimmingCharacters(in: .whitespaces)
        if name.isEmpty { errors["name"] = "Nama keterampilan wajib diisi." }

        var needs: [ResourceNeed] = []
        for (index, line) in lines(self.needs).enumerated() {
            let parts = line.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard (2...3).contains(parts.count), let weight = Int(parts[1]), (1...5).contains(weight),
                  parts.count == 2 || parts[2] == "wajib"
            else { errors["needs"] = "Baris \(index + 1) \"\(line)\": tulis kode:bobot atau kode:bobot:wajib, bobot 1–5."; break }
            guard resources.contains(parts[0]) else { errors["needs"] = "Baris \(index + 1): bahan baku \"\(parts[0])\" tidak ada di katalog."; break }
            guard !needs.contains(where: { $0.resource == parts[0] }) else { errors["needs"] = "Baris \(index + 1): \"\(parts[0])\" tertulis dua kali."; break }
            needs.append(ResourceNeed(resource: parts[0], weight: weight, essential: parts.count == 3))
        }

        let interests = interestList(self.interests)
        if let unknown = interests.first(where: { !interestTags.contains($0) }) {
            errors["interests"] = "Minat \"\(unknown)\" tidak ada di daftar minat & bakat."
        }

        let hours = Int(trainingHours.trimmingCharacters(in: .whitespaces))
        if hours == nil || !(1...2000).contains(hours!) { errors["trainingHours"] = "Jam pelatihan: bilangan bulat 1–2000." }
        let kit = RupiahParsing.parse(starterKitCost)
        if kit == nil { errors["starterKitCost"] = "Biaya paket usaha: jumlah rupiah, mis. 2500000 atau Rp 2.500.000." }

        var products: [SkillProduct] = []
        for (index, line) in lines(self.products).enumerated() {
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 4, !parts[0].isEmpty, !parts[1].isEmpty,
                  let material = RupiahParsing.parse(parts[2]), let price = RupiahParsing.parse(parts[3])
            else { errors["products"] = "Baris \(index + 1) \"\(line)\": tulis nama | satuan | biaya bahan | harga jual."; break }
            guard price.amount > 0 else { errors["products"] = "Baris \(index + 1): harga jual harus lebih dari Rp 0."; break }
            products.append(SkillProduct(name: parts[0], unit: parts[1], materialCost: material, sellingPrice: price))
        }
        if products.isEmpty, errors["products"] == nil { errors["products"] = "Tulis sedikitnya satu produk." }

        guard errors.isEmpty else { return .failure(errors) }
        return .success(Skill(code: code, name: name, description: description.trimmingCharacters(in: .whitespacesAndNewlines),
                              needs: needs, interests: interests, trainingHours: hours!, starterKitCost: kit!, products: products,
                              suitability: suitability.trimmingCharacters(in: .whitespacesAndNewlines),
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

/// Field → message in Indonesian.
public struct FormErrors: Error, Equatable, Sendable, ExpressibleByDictionaryLiteral {
    public var fields: [String: String]

    public init(fields: [String: String] = [:]) { self.fields = fields }
    public init(dictionaryLiteral elements: (String, String)...) { fields = Dictionary(elements, uniquingKeysWith: { a, _ in a }) }

    public subscript(field: String) -> String? {
        get { fields[field] }
        set { fields[field] = newValue }
    }

    public var isEmpty: Bool { fields.isEmpty }
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
