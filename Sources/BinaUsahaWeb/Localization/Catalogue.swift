import Foundation
import BinaUsahaDomain

/// The message catalogue: Bahasa Indonesia by default, English as the second language.
public struct Catalogue: Sendable {
    public let lang: Lang

    public init(_ lang: Lang) { self.lang = lang }

    /// The text for `key`, with `{0}`, `{1}`… replaced by `arguments`.
    public func callAsFunction(_ key: MessageKey, _ arguments: String...) -> String {
        let table = lang == .en ? Self.english : Self.indonesian
        var text = table[key] ?? Self.indonesian[key] ?? key.rawValue
        for (index, argument) in arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(index)}", with: argument)
        }
        return text
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
