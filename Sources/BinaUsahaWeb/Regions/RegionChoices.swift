import BinaUsahaDomain
import Fluent

/// A region filter as a select instead of a typed code: the regions one level below the user's
/// own (the 17 kab/kota for the province, the kecamatan of a kab/kota, the desa of a
/// kecamatan), and once a kab/kota is chosen, its kecamatan under it. Narrowing further is
/// choosing and submitting again: no JavaScript needed.
enum RegionChoices {
    static func options(
        selected: String?, principal: Principal?, regions: any RegionRepository, t: Messages
    ) async throws -> [(
        value: String, label: String
    )] {
        let scope = principal?.region ?? SumateraSelatan.provinceCode
        let chosen = selected.flatMap { try? RegionCode(validating: $0.trimmingCharacters(in: .whitespaces)) }
        var options: [(value: String, label: String)] = [("", t(.regionAllOfYours))]
        guard let below = RegionPickerController.childLevel(scope.level) else { return options + [(scope.rawValue, scope.rawValue)] }
        let children = try await regions.regions(level: below, within: scope)
        // The kab/kota (in a province-wide list) whose kecamatan are offered under it.
        let opened = below == .kabupatenKota ? chosen.flatMap { code in children.first { $0.code.contains(code) } } : nil
        let inner = try await opened.asyncMap { try await regions.regions(level: .kecamatan, within: $0.code) } ?? []
        for child in children {
            options.append((child.code.rawValue, child.name))
            if child.code == opened?.code {
                options += inner.map { ($0.code.rawValue, "— " + t.kind($0.kind) + " " + $0.name) }
            }
        }
        if let chosen, !options.contains(where: { $0.value == chosen.rawValue }) { options.append((chosen.rawValue, chosen.rawValue)) }
        return options
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
