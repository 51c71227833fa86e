import Foundation

/// Where partners, their commitments and realisations are stored.
public protocol PartnerRepository: Sendable {
    func insert(_ partner: Partner) async throws
    func find(partner id: UUID) async throws -> Partner?
    /// Saves name, kind, contacts, regions and accounts if the stored version is still `expectedVersion`.
    func update(_ partner: Partner, expectedVersion: Int) async throws -> Bool
    /// Partners working in a kab/kota inside `scope` (every partner for the province), by name.
    func partners(within scope: RegionCode?) async throws -> [Partner]
    /// The partners a `mitra` account acts for.
    func partners(ofAccount user: UUID) async throws -> [Partner]

    func insert(_ commitment: Commitment) async throws
    func find(commitment id: UUID) async throws -> Commitment?
    /// Claims the commitment's next version, so two realisations recorded at once cannot both
    /// pass the "not more than promised" check.
    func claim(_ commitment: UUID, expectedVersion: Int) async throws -> Bool
    /// Commitments with their realisations: of one partner, or inside a region (a kab/kota's,
    /// or all for the province).
    func commitments(ofPartner partner: UUID) async throws -> [CommitmentStatus]
    func commitments(within scope: RegionCode?) async throws -> [CommitmentStatus]
    func insert(_ realisation: Realisation) async throws
}
