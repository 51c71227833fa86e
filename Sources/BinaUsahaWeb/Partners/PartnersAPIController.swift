import BinaUsahaDomain
import Foundation
import Vapor

/// `/api/v1/partners`, `/api/v1/partners/{id}/commitments`, `/api/v1/commitments/{id}/realisations`.
struct PartnersAPIController {
    struct RealisationResponse: Content {
        var id: UUID, date: String, value: Int64, note: String
    }
    struct CommitmentResponse: Content {
        var id: UUID, partner: UUID, type: String, description: String, value: Int64, realised: Int64, starts_on: String, ends_on: String
        var kabupaten_kota: String, programme: UUID?, groups: [UUID], version: Int, realisations: [RealisationResponse]
        var quantity: Int?, unit: String

        init(_ s: CommitmentStatus) {
            let c = s.commitment
            id = c.id
            partner = c.partner
            type = c.type.rawValue
            description = c.description
            value = c.value.amount
            realised = s.realised.amount
            starts_on = c.startsOn.iso
            ends_on = c.endsOn.iso
            kabupaten_kota = c.kabupatenKota.rawValue
            programme = c.programme
            groups = c.groups
            version = c.version
            quantity = c.quantity
            unit = c.unit
            realisations = s.realisations.map { RealisationResponse(id: $0.id, date: $0.date.iso, value: $0.value.amount, note: $0.note) }
        }
    }
    struct PartnerResponse: Content {
        var id: UUID, name: String, kind: String, regions: [String], version: Int, commitments: [CommitmentResponse]
    }
    struct PartnerList: Content {
        var partners: [PartnerResponse]
    }

    func list(req: Request) async throws -> PartnerList {
        let principal = try req.requirePrincipal()
        let store = req.services.partners(req.db)
        var result: [PartnerResponse] = []
        for partner in try await store.partners(within: principal.region) {
            result.append(try await response(partner, req))
        }
        return PartnerList(partners: result)
    }

    func show(req: Request) async throws -> PartnerResponse {
        try await response(try await load(req), req)
    }

    private func response(_ partner: Partner, _ req: Request) async throws -> PartnerResponse {
        let principal = try req.requirePrincipal()
        let commitments = try await req.services.partners(req.db).commitments(ofPartner: partner.id)
            .filter { principal.region == nil || principal.covers($0.commitment.kabupatenKota) }
        return PartnerResponse(
            id: partner.id, name: partner.name, kind: partner.kind.rawValue, regions: partner.regions.map(\.rawValue), version: partner.version,
            commitments: commitments.map(CommitmentResponse.init))
    }

    private func load(_ req: Request) async throws -> Partner {
        do { return try await PartnersController().load(req) } catch let abort as Abort where abort.status == .notFound {
            throw APIError.notFound(req.t(.apiNotFound))
        }
    }

    static func rule(_ error: PartnerRuleError, _ req: Request) -> APIError {
        APIError(status: .unprocessableEntity, code: "invalid", message: error.message(req.lang))
    }

    struct PartnerInput: Content {
        var name: String
        var kind: String
        var contact_name: String?
        var contact_phone: String?
        var email: String?
        var regions: [String]
    }

    func create(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let body = try req.content.decode(PartnerInput.self)
        guard let kind = Partner.Kind(rawValue: body.kind) else {
            throw APIError(
                status: .unprocessableEntity, code: "invalid",
                message: req.t(.apiBadChoice, Partner.Kind.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        let regions = try body.regions.map { text in
            guard let code = try? RegionCode(validating: text) else { throw Self.rule(PartnerRuleError(.chooseRegions), req) }
            return code
        }
        do {
            let partner = try await req.services.partnerWrites(req.db).createPartner(
                Partner(
                    name: body.name, kind: kind, contactName: body.contact_name ?? "", contactPhone: body.contact_phone ?? "",
                    email: body.email ?? "",
                    regions: regions), by: principal)
            let response = Response(status: .created)
            try response.content.encode(try await self.response(partner, req))
            return response
        } catch let error as PartnerRuleError {
            throw Self.rule(error, req)
        } catch GroupWriteError.forbidden {
            throw APIError(status: .forbidden, code: "forbidden", message: req.t(.apiForbidden))
        }
    }

    struct CommitmentInput: Content {
        var type: String
        var description: String
        var value: Int64
        var starts_on: String
        var ends_on: String
        var kabupaten_kota: String
        var programme: UUID?
        var groups: [UUID]?
        var quantity: Int?
        var unit: String?
    }

    func addCommitment(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let partner = try await load(req)
        let body = try req.content.decode(CommitmentInput.self)
        guard let type = Commitment.SupportType(rawValue: body.type) else {
            throw APIError(
                status: .unprocessableEntity, code: "invalid",
                message: req.t(.apiBadChoice, Commitment.SupportType.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        guard let starts = CivilDate(parsing: body.starts_on), let ends = CivilDate(parsing: body.ends_on) else {
            throw Self.rule(PartnerRuleError(.badDate(String(body.starts_on.prefix(20)))), req)
        }
        guard let kabkota = try? RegionCode(validating: body.kabupaten_kota) else { throw Self.rule(PartnerRuleError(.kabkotaNotServed), req) }
        do {
            let commitment = try await req.services.partnerWrites(req.db).recordCommitment(
                Commitment(
                    partner: partner.id, type: type, description: body.description, value: Rupiah(body.value), quantity: body.quantity,
                    unit: body.unit ?? "", startsOn: starts, endsOn: ends,
                    kabupatenKota: kabkota, programme: body.programme, groups: body.groups ?? []), by: principal)
            let response = Response(status: .created)
            try response.content.encode(CommitmentResponse(CommitmentStatus(commitment: commitment, realisations: [])))
            return response
        } catch let error as PartnerRuleError {
            throw Self.rule(error, req)
        } catch GroupWriteError.forbidden {
            throw APIError(status: .forbidden, code: "forbidden", message: req.t(.apiForbidden))
        } catch GroupWriteError.notFound {
            throw APIError.notFound(req.t(.apiNotFound))
        }
    }

    struct RealisationInput: Content {
        var date: String
        var value: Int64
        var note: String?
    }

    func addRealisation(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("id", as: UUID.self), let commitment = try await req.services.partners(req.db).find(commitment: id),
            principal.covers(commitment.kabupatenKota)
        else { throw APIError.notFound(req.t(.apiNotFound)) }
        let body = try req.content.decode(RealisationInput.self)
        guard let date = CivilDate(parsing: body.date) else { throw Self.rule(PartnerRuleError(.badDate(String(body.date.prefix(20)))), req) }
        do {
            let realisation = try await req.services.partnerWrites(req.db).recordRealisation(
                of: id, date: date, value: Rupiah(body.value), note: body.note ?? "", by: principal)
            let response = Response(status: .created)
            try response.content.encode(
                RealisationResponse(id: realisation.id, date: realisation.date.iso, value: realisation.value.amount, note: realisation.note))
            return response
        } catch let error as PartnerRuleError {
            throw Self.rule(error, req)
        } catch GroupWriteError.stale {
            throw APIError(status: .conflict, code: "stale_version", message: req.t(.grpStale))
        } catch GroupWriteError.forbidden {
            throw APIError(status: .forbidden, code: "forbidden", message: req.t(.apiForbidden))
        } catch GroupWriteError.notFound {
            throw APIError.notFound(req.t(.apiNotFound))
        }
    }
}
