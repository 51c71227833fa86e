import BinaUsahaDomain
import Fluent
import Foundation
import Vapor

/// `binausaha tokens create|list|revoke`: API tokens of a user. A new token is printed once;
/// only its SHA-256 hash is stored, and it expires (90 days unless `--days`).
public struct TokensCommand: AsyncCommandGroup {
    let services: CommandServices
    public init(services: CommandServices) { self.services = services }
    public var help: String { "Token API: buat (create), daftar (list), cabut (revoke)" }
    public var commands: [String: any AnyAsyncCommand] {
        [
            "create": CreateTokenCommand(services: services), "list": ListTokensCommand(services: services),
            "revoke": RevokeTokensCommand(services: services),
        ]
    }
}

struct CreateTokenCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "username", help: "Pemilik token") var username: String?
        @Option(name: "label", help: "Keterangan, mis. 'integrasi DTSEN'") var label: String?
        @Option(name: "days", help: "Masa berlaku dalam hari (1–365, bawaan 90)") var days: Int?
        init() {}
    }

    let services: CommandServices
    var help: String { "Buat token API untuk seorang pengguna (ditampilkan sekali)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let username = signature.username else { throw CLIError("Wajib: --username NAMA") }
        let issue = IssueToken(transactor: services.transactor(context.application.db), secrets: services.secrets, clock: services.clock)
        do {
            let (token, secret) = try await issue(
                username: username, label: signature.label ?? "cli",
                days: signature.days ?? APIToken.defaultLifetimeDays, by: .commandLine)
            context.console.print(
                "Token API untuk \(username.lowercased()), berlaku sampai \(IndonesianCalendar.longDateTime(token.expiresAt)) "
                    + "(simpan sekarang, tidak ditampilkan lagi):")
            context.console.print(secret)
        } catch let error as UserRuleError {
            throw CLIError(error.message(.id))
        }
    }
}

struct ListTokensCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "username", help: "Pemilik token") var username: String?
        init() {}
    }

    let services: CommandServices
    var help: String { "Daftar token API seorang pengguna (tanpa rahasianya)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let username = signature.username else { throw CLIError("Wajib: --username NAMA") }
        let db = context.application.db
        guard let user = try await services.repositories(db).users.find(username: username.lowercased()) else {
            throw CLIError(UserRuleError.unknownUser(username).message(.id))
        }
        let now = services.clock.now()
        for token in try await services.repositories(db).credentials.tokens(of: user.id) {
            let state = token.revokedAt != nil ? "dicabut" : token.expiresAt <= now ? "kedaluwarsa" : "berlaku"
            context.console.print("\(token.id.uuidString)  \(state)  sampai \(IndonesianCalendar.longDateTime(token.expiresAt))  \(token.label)")
        }
    }
}

struct RevokeTokensCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "username", help: "Pemilik token") var username: String?
        @Option(name: "id", help: "Token yang dicabut (dari tokens list); tanpa --id semua token pengguna dicabut") var id: String?
        init() {}
    }

    let services: CommandServices
    var help: String { "Cabut token API seorang pengguna (satu dengan --id, atau semuanya)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let username = signature.username else { throw CLIError("Wajib: --username NAMA") }
        var ids: [UUID]?
        if let text = signature.id {
            guard let id = UUID(uuidString: text) else { throw CLIError("--id bukan kode token yang sah: \(text)") }
            ids = [id]
        }
        let revoke = RevokeTokens(transactor: services.transactor(context.application.db), clock: services.clock)
        do {
            let revoked = try await revoke(username: username, ids: ids, by: .commandLine)
            context.console.print(revoked.isEmpty ? "Tidak ada token berlaku yang dicabut." : "Dicabut: \(revoked.count) token.")
        } catch let error as UserRuleError {
            throw CLIError(error.message(.id))
        }
    }
}
