/// Makes random secrets (session and API tokens) and the one-way form the database keeps, so
/// that a copy of the database yields no usable token. The implementation (SHA-256) is chosen
/// by the composition root.
public struct Secrets: Sendable {
    public var make: @Sendable () -> String
    public var hash: @Sendable (String) -> String

    public init(make: @escaping @Sendable () -> String, hash: @escaping @Sendable (String) -> String) {
        self.make = make
        self.hash = hash
    }
}
