import BinaUsahaDomain
import Fluent
import Vapor

/// `binausaha users create --username NAME --role ROLE [--region CODE] [--name "Full Name"]`
/// reads the password from standard input, so that it never appears in the shell history or
/// the process list.
public struct UsersCommand: AsyncCommandGroup {
    let services: CommandServices
    public init(services: CommandServices) { self.services = services }
    public var help: String { "Pengguna: buat akun (users create)" }
    public var commands: [String: any AnyAsyncCommand] { ["create": CreateUserCommand(services: services)] }
}

struct CreateUserCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "username", help: "Nama pengguna (huruf kecil, angka, . _ -)") var username: String?
        @Option(name: "role", help: "admin_provinsi | operator_kabkota | pendamping | mitra | pimpinan") var role: String?
        @Option(name: "region", help: "Kode wilayah, mis. 16.02 (kosong = seluruh provinsi)") var region: String?
        @Option(name: "name", help: "Nama lengkap") var name: String?
        init() {}
    }

    let services: CommandServices
    var help: String { "Buat akun; kata sandi dibaca dari standard input" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let username = signature.username, let role = signature.role else {
            throw CLIError(
                "Wajib: --username NAMA --role PERAN. Contoh: echo 'sandi-rahasia' | binausaha users create --username admin --role admin_provinsi")
        }
        let password = try readPassword(context)
        let app = context.application
        let createUser = CreateUser(
            transactor: services.transactor(app.db), clock: services.clock,
            hashPassword: { try await app.password.async.hash($0).get() })
        do {
            let user = try await createUser(
                .init(
                    username: username, displayName: signature.name ?? "", role: role,
                    region: signature.region, password: password), by: .commandLine)
            context.console.print(
                "Pengguna \(user.username) dibuat: \(user.role.label(.id)), wilayah \(user.region?.rawValue ?? "seluruh provinsi").")
        } catch let error as UserRuleError {
            throw CLIError(error.message(.id))
        }
    }

    /// One line from standard input; asks twice, hidden, when a person is typing at a terminal.
    private func readPassword(_ context: CommandContext) throws -> String {
        if isatty(STDIN_FILENO) != 0 {
            let first = context.console.ask("Kata sandi: ", isSecure: true)
            let second = context.console.ask("Ulangi kata sandi: ", isSecure: true)
            guard first == second else { throw CLIError("Kedua kata sandi tidak sama.") }
            return first
        }
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw CLIError("Kata sandi tidak terbaca dari standard input. Contoh: echo 'sandi-rahasia' | binausaha users create …")
        }
        return line
    }
}
