import BinaUsahaDomain
import Vapor

/// `binausaha regions …`
public struct RegionsCommand: AsyncCommandGroup {
    let clock: Clock
    public init(clock: Clock) { self.clock = clock }
    public var help: String { "Wilayah: impor daftar resmi Kemendagri (regions import FILE.csv)" }
    public var commands: [String: any AnyAsyncCommand] { ["import": ImportRegionsCommand(clock: clock)] }
}
