import BinaUsahaDomain
import BinaUsahaPersistence
import Fluent
import Vapor

/// `binausaha tokens create --username NAME [--label TEXT]` prints a new API token once; only
/// its SHA-256 hash is stored.
public struct TokensCommand: AsyncCommandGroup {
    let clock: Clock
    let secrets: Secrets
    public init(clock: Clock, secrets: Secrets) {
        self.clock = clock
        self.secrets = secrets
    }
    public var help: String { "Token API: buat token (tokens create)" }
    public var commands: [String: any AnyAsyncCommand] { ["create": CreateTokenCommand(clock: clock, secrets: secrets)] }
}

struct CreateTokenCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "username", help: "Pemilik token") var username: String?
        @Option(name: "label", help: "Keterangan, mis. 'integrasi DTSEN'") var label: String?
        init() {}
    }

    let clock: Clock
    let secrets: Secrets
    var help: String { "Buat token API untuk seorang pengguna (ditampilkan sekali)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let username = signature.username else { throw CLIError("Wajib: --username NAMA") }
        let app = context.application
        guard let user = try await FluentUserRepository(database: app.db).find(username: username.lowercased()),
              user.isActive else { throw CLIError(UserRuleError.unknownUser(username).message(.id)) }
        let token = "bu_" + secrets.make()
        try await FluentCredentialRepository(database: app.db).createToken(
            tokenHash: secrets.hash(token), userID: user.id, label: signature.label ?? "cli", createdAt: clock.now())
        try await FluentAuditLog(database: app.db).record(.tokenCreate, by: .commandLine, at: clock.now(), entity: "api_token",
                                                          entityID: user.id.uuidString, region: user.region,
                                                          note: signature.label)
        context.console.print("Token API untuk \(user.username) (simpan sekarang, tidak ditampilkan lagi):")
        context.console.print(token)
    }
}

