import Vapor

/// `binausaha regions …`
public struct RegionsCommand: AsyncCommandGroup {
    public init() {}
    public var help: String { "Wilayah: impor daftar resmi Kemendagri (regions import FILE.csv)" }
    public var commands: [String: any AnyAsyncCommand] { ["import": ImportRegionsCommand()] }
}
