/// A command failure explained to the operator; the message is printed as it is.
public struct CLIError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
