import BinaUsahaDomain
import Foundation
import Vapor

/// `/api/v1/beneficiaries/{id}/assessments`, `/api/v1/beneficiaries/{id}/graduation`,
/// `/api/v1/outcomes/cohorts`: the same use cases as the pages.
struct OutcomesAPIController {
    struct AssessmentResponse: Content {
        var id: UUID, date: String, household_income: Int64, household_size: Int, income_per_capita: Int64, decile: Int?
        var receives_bansos: Bool, business_running: Bool

        init(_ a: Assessment) {
            id = a.id
            date = a.date.iso
            household_income = a.householdIncome.amount
            household_size = a.householdSize
            income_per_capita = a.incomePerCapita.amount
            decile = a.decile
            receives_bansos = a.receivesBansos
            business_running = a.businessRunning
        }
    }
    struct PersonOutcomes: Content {
        var assessments: [AssessmentResponse]
        var proposal: String?
        var graduated_on: String?
    }

    private func person(_ req: Request) async throws -> Beneficiary {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("id", as: UUID.self), let person = try await req.services.beneficiaries(req.db).find(id: id),
            principal.covers(person.details.desa)
        else { throw APIError.notFound(req.t(.apiNotFound)) }
        return person
    }

    func list(req: Request) async throws -> PersonOutcomes {
        let person = try await person(req)
        let store = req.services.outcomes(req.db)
        let assessments = try await store.assessments(of: [person.id])
        return PersonOutcomes(
            assessments: assessments.map(AssessmentResponse.init), proposal: try await store.graduationRule().proposal(assessments, lang: req.lang),
            graduated_on: try await store.graduations(of: [person.id]).first?.date.iso)
    }

    struct AssessmentInput: Content {
        var date: String
        var household_income: Int64
        var household_size: Int
        var decile: Int?
        var receives_bansos: Bool?
        var business_running: Bool?
    }

    func add(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let person = try await person(req)
        let body = try req.content.decode(AssessmentInput.self)
        do {
            guard let date = CivilDate(parsing: body.date) else { throw OutcomeRuleError(.badDate(String(body.date.prefix(20)))) }
            let saved = try await req.services.outcomeWrites(req.db).recordAssessment(
                Assessment(
                    beneficiary: person.id, date: date, householdIncome: Rupiah(body.household_income), householdSize: body.household_size,
                    decile: body.decile, receivesBansos: body.receives_bansos ?? false, businessRunning: body.business_running ?? false),
                by: principal)
            let response = Response(status: .created)
            try response.content.encode(AssessmentResponse(saved))
            return response
        } catch let error as OutcomeRuleError {
            throw APIError(status: .unprocessableEntity, code: "invalid", message: error.message(req.lang))
        } catch GroupWriteError.forbidden {
            throw APIError(status: .forbidden, code: "forbidden", message: req.t(.apiForbidden))
        } catch GroupWriteError.notFound {
            throw APIError.notFound(req.t(.apiNotFound))
        }
    }

    struct GraduationInput: Content {
        var note: String
    }
    struct GraduationResponse: Content {
        var date: String, reason: String, confirmed_by: String
    }

    func graduate(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let person = try await person(req)
        let body = try req.content.decode(GraduationInput.self)
        do {
            let graduation = try await req.services.outcomeWrites(req.db).confirmGraduation(of: person.id, note: body.note, by: principal)
            let response = Response(status: .created)
            try response.content.encode(
                GraduationResponse(date: graduation.date.iso, reason: graduation.reason, confirmed_by: graduation.confirmedBy))
            return response
        } catch let error as OutcomeRuleError {
            throw APIError(status: .unprocessableEntity, code: "invalid", message: error.message(req.lang))
        } catch WriteConflict.stale {
            throw APIError(status: .conflict, code: "stale_version", message: WriteConflict.stale.message(req.lang))
        } catch GroupWriteError.forbidden {
            throw APIError(status: .forbidden, code: "forbidden", message: req.t(.apiForbidden))
        } catch GroupWriteError.notFound {
            throw APIError.notFound(req.t(.apiNotFound))
        }
    }

    struct CohortRow: Content {
        var key: String, members: Int, followed: Int, income_before: Int64?, income_after: Int64?, graduated: Int
        var groups_a_year_old: Int, groups_still_active: Int
    }
    struct CohortList: Content {
        var per: String
        var rows: [CohortRow]
    }

    func cohorts(req: Request) async throws -> CohortList {
        let text = (try? req.query.get(String.self, at: "per")) ?? Cohorts.Breakdown.kabupatenKota.rawValue
        guard let by = Cohorts.Breakdown(rawValue: text) else {
            throw APIError.badRequest(req.t(.apiBadBreakdown, Cohorts.Breakdown.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        let rows = try await OutcomesController.cohortRows(req, by: by)
        return CohortList(
            per: by.rawValue,
            rows: rows.map {
                CohortRow(
                    key: $0.key, members: $0.members, followed: $0.followed, income_before: $0.incomeBefore?.amount,
                    income_after: $0.incomeAfter?.amount,
                    graduated: $0.graduated, groups_a_year_old: $0.groupsAYearOld, groups_still_active: $0.groupsStillActive)
            })
    }
}
