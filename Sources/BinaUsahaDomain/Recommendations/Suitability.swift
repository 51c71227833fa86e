/// Something about a person that makes some skills unsuitable: a kind of disability (UU 8/2016),
/// old age, or a health condition recorded on the person (`kendala_kesehatan`).
public enum Limitation: String, Sendable, Codable, CaseIterable, Comparable {
    case fisik, intelektual, mental, netra, rungu, wicara
    /// 60 years or older (the KUBE age limit).
    case lansia
    /// Asthma or other breathing problems: smoke, dust and fumes.
    case pernapasan
    /// Must not lift heavy loads.
    case angkatBerat = "angkat-berat"

    /// The conditions a person can have recorded as `kendala_kesehatan`.
    public static let health: [Limitation] = [.pernapasan, .angkatBerat]

    public static let oldAge = 60

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.fisik, .id): "disabilitas fisik"
        case (.intelektual, .id): "disabilitas intelektual"
        case (.mental, .id): "disabilitas mental"
        case (.netra, .id): "disabilitas netra"
        case (.rungu, .id): "disabilitas rungu"
        case (.wicara, .id): "disabilitas wicara"
        case (.lansia, .id): "usia 60 tahun ke atas"
        case (.pernapasan, .id): "gangguan pernapasan"
        case (.angkatBerat, .id): "tidak boleh mengangkat beban berat"
        case (.fisik, .en): "physical disability"
        case (.intelektual, .en): "intellectual disability"
        case (.mental, .en): "mental disability"
        case (.netra, .en): "visual disability"
        case (.rungu, .en): "hearing disability"
        case (.wicara, .en): "speech disability"
        case (.lansia, .en): "aged 60 or over"
        case (.pernapasan, .en): "breathing problems"
        case (.angkatBerat, .en): "must not lift heavy loads"
        }
    }

    /// The limitations of a person with `disability` (the register's kinds: fisik, intelektual,
    /// mental, sensorik netra/rungu/wicara, ganda), `health` conditions and `age`. "Ganda"
    /// (multiple) counts as physical and visual, the cautious reading.
    public static func of(disability: String, health: [String], age: Int) -> Set<Limitation> {
        var found = Set<Limitation>()
        let text = disability.lowercased()
        let words: [(String, Limitation)] = [
            ("fisik", .fisik), ("daksa", .fisik), ("intelektual", .intelektual), ("grahita", .intelektual),
            ("mental", .mental), ("netra", .netra), ("rungu", .rungu), ("wicara", .wicara),
        ]
        for (word, limitation) in words where text.contains(word) { found.insert(limitation) }
        if text.contains("ganda") { found.formUnion([.fisik, .netra]) }
        for code in health { if let limitation = Limitation(rawValue: code), Self.health.contains(limitation) { found.insert(limitation) } }
        if age >= oldAge { found.insert(.lansia) }
        return found
    }

    public static func < (lhs: Limitation, rhs: Limitation) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// What a skill's catalogue entry says about people with a limitation.
public struct SuitabilityRule: Sendable, Equatable, Hashable, Codable {
    public enum Effect: String, Sendable, Codable, CaseIterable {
        /// Never recommended to them.
        case tidakCocok = "tidak-cocok"
        /// Recommended with a lower score and the reason shown.
        case kurangCocok = "kurang-cocok"

        public func label(_ lang: Lang) -> String {
            switch (self, lang) {
            case (.tidakCocok, .id): "tidak cocok"
            case (.kurangCocok, .id): "kurang cocok"
            case (.tidakCocok, .en): "unsuitable"
            case (.kurangCocok, .en): "less suitable"
            }
        }
    }

    public var limitation: Limitation
    public var effect: Effect
    /// Why, in the office's words: "asap pengasapan".
    public var reason: String

    public init(_ limitation: Limitation, _ effect: Effect, _ reason: String) {
        self.limitation = limitation
        self.effect = effect
        self.reason = reason
    }

    /// A "kurang cocok" skill keeps this share of its score.
    public static let lessSuitedFactor = 0.6

    /// `fisik:kurang-cocok:memotong bambu butuh tenaga`, one rule per line in the skills form.
    public var line: String { "\(limitation.rawValue):\(effect.rawValue):\(reason)" }

    public init?(line: String) {
        let parts = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map {
            TextFolding.trim(String($0))
        }
        guard parts.count >= 2, let limitation = Limitation(rawValue: parts[0].lowercased()),
            let effect = Effect(rawValue: parts[1].lowercased())
        else { return nil }
        self.init(limitation, effect, parts.count == 3 ? parts[2] : "")
    }
}
