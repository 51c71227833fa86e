import Foundation

extension BeneficiaryRowValidator.Context {
    /// Loads what validation needs once per import: region codes and the vocabulary.
    public static func load(
        regions: any RegionRepository, interests: any InterestRepository, today: CivilDate,
        scope: RegionCode?
    ) async throws -> Self {
        let desa = try await regions.codes(level: .desaKelurahan)
        let kecamatan = try await regions.codes(level: .kecamatan)
        let kabkota = try await regions.codes(level: .kabupatenKota)
        let kabkotaWithKecamatan = Set(kecamatan.compactMap(\.parent))
        let vocabulary = Set(try await interests.all())
        return .init(
            today: today,
            isKnownDesa: { desa.contains($0) },
            isKnownPrefix: { prefix in
                if kecamatan.contains(prefix) { return true }
                // Without the kecamatan list of that kab/kota we cannot tell: do not warn.
                guard let parent = prefix.parent else { return false }
                return kabkota.contains(parent) && !kabkotaWithKecamatan.contains(parent)
            },
            interests: vocabulary,
            scope: scope)
    }
}

extension BeneficiaryRowValidator {
    /// The validator for rows written into `scope` (nil: the whole province), with what it needs
    /// loaded from the repositories. The one place the web, the commands and the demo get it.
    public static func load(_ repositories: Repositories, today: CivilDate, scope: RegionCode?) async throws -> BeneficiaryRowValidator {
        BeneficiaryRowValidator(
            context: try await .load(
                regions: repositories.regions, interests: repositories.interests, today: today,
                scope: scope))
    }
}
