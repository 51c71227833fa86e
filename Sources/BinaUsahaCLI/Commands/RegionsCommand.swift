import BinaUsahaDomain
import Vapor

/// `binausaha regions …`
public struct RegionsCommand: AsyncCommandGroup {
    let services: CommandServices
    public init(services: CommandServices) { self.services = services }
    public var help: String { "Wilayah: impor daftar resmi Kemendagri (regions import FILE.csv)" }
    public var commands: [String: any AnyAsyncCommand] { ["import": ImportRegionsCommand(services: services)] }
}
