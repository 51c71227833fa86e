/// The managed vocabulary of interests and talents (minat & bakat).
public protocol InterestRepository: Sendable {
    func all() async throws -> [String]
    /// Adds a tag (folded to lower case); returns false when it already existed.
    func add(_ tag: String) async throws -> Bool
}
