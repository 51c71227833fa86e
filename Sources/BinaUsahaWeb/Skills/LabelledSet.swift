import BinaUsahaDomain
import Foundation

/// The labelled recommendation cases shipped with the server (`Resources/recommendation-cases.csv`),
/// against which the admin's weight preview measures agreement. `binausaha eval recommendations`
/// reads the same file, or an office's extended copy.
enum LabelledSet {
    static func load(skills: Set<String>) throws -> [LabelledCase] {
        guard let url = Bundle.module.url(forResource: "recommendation-cases", withExtension: "csv") else { return [] }
        return try LabelledCases.parse(Array(try Data(contentsOf: url)), skills: skills)
    }
}
