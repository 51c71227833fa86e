import Vapor

/// Every field of the form body, one value or a list, whatever its name.
struct FormBody: Decodable {
    var strings: [String: String] = [:]
    var lists: [String: [String]] = [:]

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        for key in container.allKeys {
            if let value = try? container.decode(String.self, forKey: key) {
                strings[key.stringValue] = value
            } else if let values = try? container.decode([String].self, forKey: key) {
                lists[key.stringValue] = values
            }
        }
    }
}
