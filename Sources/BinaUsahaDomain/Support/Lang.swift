/// The languages the office works in: Bahasa Indonesia first, English second.
public enum Lang: String, Sendable, CaseIterable, Codable {
    case id
    case en

    public static let `default` = Lang.id
}

/// A value that can explain itself to a person in either language.
public protocol LocalizedMessage {
    func message(_ language: Lang) -> String
}
