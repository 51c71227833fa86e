import Foundation

/// Where programmes, sessions and assistance are stored.
public protocol CoachingRepository: Sendable {
    func insert(_ programme: Programme) async throws
    func find(programme id: UUID) async throws -> Programme?
    func update(_ programme: Programme, expectedVersion: Int) async throws -> Bool
    func programmes(within scope: RegionCode?) async throws -> [Programme]

    func insert(_ session: CoachingSession) async throws
    func find(session id: UUID) async throws -> CoachingSession?
    /// Saves the session and its whole roster if the stored version is still `expectedVersion`.
    func update(_ session: CoachingSession, expectedVersion: Int) async throws -> Bool
    func sessions(ofGroups groups: [UUID]) async throws -> [CoachingSession]
    func sessions(ofProgramme programme: UUID) async throws -> [CoachingSession]

    func insert(_ assistance: Assistance) async throws
    func assistance(ofGroups groups: [UUID]) async throws -> [Assistance]
}
