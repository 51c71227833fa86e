import BinaUsahaDomain
import Vapor

/// `/admin/users`: list, create, edit, disable. Every write is audited by the use cases.
struct UsersController {
    struct CreateForm: Content {
        var username: String?
        var display_name: String?
        var role: String?
        var region: String?
        var password: String?
    }

    struct EditForm: Content {
        var display_name: String?
        var role: String?
        var region: String?
        var is_active: String?
    }

    func index(req: Request) async throws -> Response {
        try await list(req, notice: nil)
    }

    /// Where an account may work: the province, a kab/kota, or a kecamatan under it.
    static func regionOptions(_ req: Request) async throws -> [(value: String, label: String)] {
        let regions = req.services.regions(req.db)
        let kabkota = try await regions.regions(level: .kabupatenKota, within: SumateraSelatan.provinceCode)
        let kecamatan = Dictionary(grouping: try await regions.regions(level: .kecamatan, within: SumateraSelatan.provinceCode)) {
            $0.code.parent!
        }
        var options: [(value: String, label: String)] = [("", req.t(.usersWholeProvince))]
        for kab in kabkota {
            options.append((kab.code.rawValue, kab.name))
            options += (kecamatan[kab.code] ?? []).map { ($0.code.rawValue, "— " + req.t.kind($0.kind) + " " + $0.name) }
        }
        return options
    }

    func new(req: Request) async throws -> Response {
        UserPages.FormView(id: nil, form: .init(), regionOptions: try await Self.regionOptions(req), context: req.page()).document().response()
    }

    func create(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let form = try req.content.decode(CreateForm.self)
        let input = CreateUser.Input(
            username: form.username ?? "", displayName: form.display_name ?? "",
            role: form.role ?? "", region: form.region, password: form.password ?? "")
        do {
            let user = try await req.services.createUser(req)(input, by: AuditActor(principal))
            return try await list(req, notice: req.t(.usersCreated, user.username))
        } catch let error as UserRuleError {
            let values = UserPages.Form(
                username: input.username, displayName: input.displayName, role: input.role,
                region: input.region ?? "")
            return UserPages.FormView(
                id: nil, form: values, errors: [error.message(req.lang)], regionOptions: try await Self.regionOptions(req), context: req.page()
            )
            .document().response(status: .unprocessableEntity)
        }
    }

    func edit(req: Request) async throws -> Response {
        let user = try await findUser(req)
        let form = UserPages.Form(
            username: user.username, displayName: user.displayName, role: user.role.rawValue,
            region: user.region?.rawValue ?? "", isActive: user.isActive)
        return UserPages.FormView(id: user.id.uuidString, form: form, regionOptions: try await Self.regionOptions(req), context: req.page())
            .document().response()
    }

    func update(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let user = try await findUser(req)
        let form = try req.content.decode(EditForm.self)
        let input = UpdateUser.Input(
            displayName: form.display_name ?? user.displayName, role: form.role ?? user.role.rawValue,
            region: form.region, isActive: form.is_active == "1")
        do {
            let updated = try await req.services.updateUser(req)(user.id, input, by: AuditActor(principal))
            return try await list(req, notice: req.t(.usersUpdated, updated.username))
        } catch let error as UserRuleError {
            let values = UserPages.Form(
                username: user.username, displayName: input.displayName, role: input.role,
                region: input.region ?? "", isActive: input.isActive)
            return UserPages.FormView(
                id: user.id.uuidString, form: values, errors: [error.message(req.lang)],
                regionOptions: try await Self.regionOptions(req), context: req.page()
            ).document().response(status: .unprocessableEntity)
        }
    }

    private func findUser(_ req: Request) async throws -> User {
        guard let id = req.parameters.get("id", as: UUID.self),
            let user = try await req.services.users(req.db).find(id: id)
        else { throw Abort(.notFound) }
        return user
    }

    private func list(_ req: Request, notice: String?) async throws -> Response {
        let t = req.t
        let rows = try await req.services.users(req.db).all().map { user in
            UserPages.Row(
                id: user.id.uuidString, username: user.username, displayName: user.displayName,
                role: user.role.label(t.lang), region: user.region?.rawValue ?? t(.usersWholeProvince),
                active: user.isActive)
        }
        return UserPages.ListView(rows: rows, notice: notice, context: req.page(path: Site.users)).document().response()
    }
}
