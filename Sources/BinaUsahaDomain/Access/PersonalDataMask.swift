/// Masks identity numbers and phone numbers for people who may not see them:
/// `1602031234560001` → `1602**********01`, `081234567890` → `0812******90`.
/// Used in pages, API responses and exports alike.
public enum PersonalDataMask {
    /// NIK or KK: keep the 4-digit kab/kota prefix and the last 2 digits.
    public static func identityNumber(_ value: String) -> String { keep(value, first: 4, last: 2) }

    public static func phone(_ value: String) -> String { keep(value, first: 4, last: 2) }

    static func keep(_ value: String, first: Int, last: Int) -> String {
        let characters = Array(value)
        guard characters.count > first + last else { return String(repeating: "*", count: characters.count) }
        return String(characters.prefix(first)) + String(repeating: "*", count: characters.count - first - last)
            + String(characters.suffix(last))
    }

    /// The value as `principal` may see it for a person living in `region`.
    public static func identityNumber(_ value: String, for principal: Principal?, region: RegionCode?) -> String {
        principal?.seesPersonalData(in: region) == true ? value : identityNumber(value)
    }

    public static func phone(_ value: String, for principal: Principal?, region: RegionCode?) -> String {
        principal?.seesPersonalData(in: region) == true ? value : phone(value)
    }
}
