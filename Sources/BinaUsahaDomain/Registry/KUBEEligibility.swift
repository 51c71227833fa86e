/// The KUBE membership checks of Permensos 2/2019 Pasal 4–5 as DOMAIN.md §1.2 reads them,
/// shown on a profile. They inform the operator; they never block a record.
public enum KUBEEligibility {
    public struct Check: Sendable, Equatable {
        public enum Outcome: Sendable, Equatable { case met, notMet, unknown }
        public var key: String
        public var outcome: Outcome
        public var id: String
        public var en: String

        public func text(_ lang: Lang) -> String { lang == .id ? id : en }
    }

    public static let minimumAge = 18
    public static let maximumAge = 60

    public static func checks(_ details: BeneficiaryDetails, today: CivilDate) -> [Check] {
        let age = details.birthDate.years(until: today)
        let ageOK = (minimumAge...maximumAge).contains(age)
        let priorKUBE = details.priorAssistance.filter { $0.programme == .kube }
        return [
            Check(
                key: "age", outcome: ageOK ? .met : .notMet,
                id: "Usia produktif 18–60 tahun (sekarang \(age) tahun)", en: "Productive age 18–60 (now \(age))"),
            Check(
                key: "head", outcome: details.isHeadOfFamily ? .met : .notMet,
                id: details.isHeadOfFamily ? "Kepala keluarga" : "Bukan kepala keluarga (harus kepala keluarga atau pencari nafkah utama)",
                en: details.isHeadOfFamily ? "Head of family" : "Not head of family (must be head or main breadwinner)"),
            Check(
                key: "dtsen", outcome: details.decile == nil ? .unknown : .met,
                id: details.decile.map { "Terdaftar di DTSEN, desil \($0)" } ?? "Desil DTSEN belum diisi",
                en: details.decile.map { "Listed in DTSEN, decile \($0)" } ?? "DTSEN decile not recorded"),
            Check(
                key: "prior_kube", outcome: priorKUBE.isEmpty ? .met : .notMet,
                id: priorKUBE.isEmpty
                    ? "Belum pernah menerima bantuan KUBE"
                    : "Sudah menerima KUBE (\(priorKUBE.map { String($0.year) }.joined(separator: ", ")))",
                en: priorKUBE.isEmpty
                    ? "Has not received KUBE before"
                    : "Received KUBE before (\(priorKUBE.map { String($0.year) }.joined(separator: ", ")))"),
        ]
    }

    /// True when no check fails (unknowns allowed).
    public static func isEligible(_ details: BeneficiaryDetails, today: CivilDate) -> Bool {
        !checks(details, today: today).contains { $0.outcome == .notMet }
    }
}
