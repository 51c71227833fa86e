import BinaUsahaDomain
import Foundation

/// The message catalogue: Bahasa Indonesia by default, English as the second language.
public struct Messages: Sendable {
    public let lang: Lang

    public init(_ lang: Lang) { self.lang = lang }

    /// The text for `key`, with `{0}`, `{1}`… replaced by `arguments`.
    public func callAsFunction(_ key: MessageKey, _ arguments: String...) -> String {
        let table = lang == .en ? Self.english : Self.indonesian
        let template = table[key] ?? Self.indonesian[key] ?? key.rawValue
        return Self.fill(template, arguments)
    }

    /// The text for `key` with its `{0}` placeholders left in, for `Forms.sentence`.
    public func template(_ key: MessageKey) -> String {
        (lang == .en ? Self.english : Self.indonesian)[key] ?? Self.indonesian[key] ?? key.rawValue
    }

    /// Replaces `{0}`, `{1}`… in one pass, so that an argument holding `{1}` stays as it is.
    static func fill(_ template: String, _ arguments: [String]) -> String {
        guard !arguments.isEmpty, template.contains("{") else { return template }
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"), let index = Int(rest[afterOpen..<close]),
                arguments.indices.contains(index)
            {
                out += arguments[index]
                rest = rest[rest.index(after: close)...]
            } else {
                out += "{"
                rest = rest[afterOpen...]
            }
        }
        return out + rest
    }

    public func kind(_ kind: RegionKind) -> String {
        switch kind {
        case .provinsi: self(.kindProvinsi)
        case .kabupaten: self(.kindKabupaten)
        case .kota: self(.kindKota)
        case .kecamatan: self(.kindKecamatan)
        case .desa: self(.kindDesa)
        case .kelurahan: self(.kindKelurahan)
        case .desaAdat: self(.kindDesaAdat)
        }
    }

    public func level(_ level: RegionLevel) -> String {
        switch level {
        case .provinsi: self(.levelProvinsi)
        case .kabupatenKota: self(.levelKabupatenKota)
        case .kecamatan: self(.levelKecamatan)
        case .desaKelurahan: self(.levelDesaKelurahan)
        }
    }

    /// Keys missing from a language's table (must be empty; a test checks it).
    public static func missingKeys(in lang: Lang) -> [MessageKey] {
        let table = lang == .en ? english : indonesian
        return MessageKey.allCases.filter { table[$0] == nil }
    }
}
