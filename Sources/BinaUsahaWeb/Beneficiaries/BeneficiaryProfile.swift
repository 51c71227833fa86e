import BinaUsahaDomain

/// One person's page: identity (masked per access), welfare data, family, KUBE eligibility,
/// warnings, history; places for recommendations and group membership.
enum BeneficiaryProfile {
    struct Model {
        var person: PersonSummary
        var version: Int
        var notes: String?
        var family: [PersonSummary]
        var eligibility: [KUBEEligibility.Check]
        var history: [AuditTrailPage.Row]
        var canWrite: Bool
        var notice: String?
        var errors: [String] = []
        var recommendations: [Recommendation] = []
        var weights = RecommendationWeights.standard
        var excluded: [SkillExclusion] = []
        var groups: [KUBEGroup] = []
    }

    struct View {
        let model: Model
        let context: PageContext
        private var t: Messages { context.t }

        func document() -> HTML {
            let p = model.person
            return Layout(context: context, title: p.name, section: .beneficiaries).document(
                .group(
                    .nav(.class("breadcrumbs"), .ol(.li(.a(.href(Site.beneficiaries), .text(t(.benTitle)))), .li(.span(.text(p.name))))),
                    .h1(.text(p.name)),
                    Forms.notice(model.notice),
                    Forms.errors(model.errors, heading: t(.formErrorsHeading)),
                    .if(p.masked, .p(.class("hint"), .text(t(.benProfileMasked)))),
                    .if(
                        !p.warnings.isEmpty,
                        .div(
                            .class("alert warn"), .p(.strong(.text(t(.benProfileWarnings)))),
                            .ul(.forEach(p.warnings) { .li(.text($0)) }))),
                    .section(
                        .h2(.text(t(.benProfileIdentity))),
                        .dl(
                            .class("facts"),
                            fact(t(.benColNIK), p.nik, code: true), fact(t(.benProfileKK), p.noKK, code: true),
                            fact(t(.benProfileSex), p.sex), fact(t(.benProfileBirth), "\(p.birth) (\(t(.benProfileAge, String(p.age))))"),
                            fact(t(.benColDesa), "\(p.desa) (\(p.desaCode))"), fact(t(.benProfileAddress), p.address),
                            fact(t(.benProfilePhone), p.phone.isEmpty ? "—" : p.phone))),
                    .section(
                        .h2(.text(t(.benProfileWelfare))),
                        .dl(
                            .class("facts"),
                            fact(t(.benFilterPPKS), p.ppks.joined(separator: ", ")), fact(t(.benProfileDecile), p.decile),
                            fact(t(.benProfileHead), p.isHead ? t(.benYes) : t(.benNo)),
                            fact(t(.benProfileDisability), p.disability.isEmpty ? "—" : p.disability),
                            fact(t(.benProfileInterests), p.interests.isEmpty ? "—" : p.interests.joined(separator: ", ")),
                            fact(t(.fieldKeahlian), p.talents.isEmpty ? "—" : p.talents.joined(separator: ", ")),
                            fact(t(.fieldKendala), p.health.isEmpty ? "—" : p.health.joined(separator: ", ")),
                            fact(t(.benProfilePrior), p.priorAssistance.isEmpty ? "—" : p.priorAssistance.joined(separator: ", ")),
                            fact(t(.benFilterStatus), p.status), fact(t(.benProfileNotes), model.notes ?? "—"))),
                    .section(
                        .h2(.text(t(.benProfileEligibility))),
                        .ul(
                            .class("checks"),
                            .forEach(model.eligibility) { check in
                                .li(
                                    .class(check.outcome == .met ? "met" : check.outcome == .notMet ? "not-met" : "unknown"),
                                    .text((check.outcome == .met ? "✔ " : check.outcome == .notMet ? "✘ " : "? ") + check.text(t.lang)))
                            })),
                    recommendations,
                    groupSection,
                    .p(.a(.class("button secondary"), .href(Site.beneficiaryOutcomes(p.id)), .text(t(.outLink)))),
                    .section(
                        .h2(.text(t(.benProfileFamily))),
                        .ul(
                            .forEach(model.family) { member in
                                .li(
                                    .a(.href(Site.beneficiary(member.id)), .text(member.name)),
                                    .text(
                                        " · \(member.sex) · \(t(.benProfileAge, String(member.age)))\(member.isHead ? " · " + t(.benProfileHead) : "")"
                                    ))
                            })),
                    .section(
                        .h2(.text(t(.benProfileHistory))),
                        .ul(
                            .class("changes"),
                            .forEach(model.history) { row in
                                .li(
                                    .text("\(row.when) · \(row.who) · \(row.action)"),
                                    .if(!row.changes.isEmpty, .text(": " + row.changes.joined(separator: "; "))),
                                    .unwrap(row.note) { .text(" (\($0))") })
                            })),
                    .if(
                        model.canWrite,
                        .section(
                            .class("actions"),
                            .a(.class("button"), .href(Site.beneficiaryEdit(p.id)), .text(t(.benEdit))),
                            .div(
                                .class("danger-zone"),
                                .if(
                                    model.groups.isEmpty,
                                    .group(
                                        .p(.class("field-hint"), .text(t(.benDeleteHint))),
                                        .a(.class("button danger"), .href(Site.beneficiaryDelete(p.id)), .text(t(.benDelete))))),
                                .unwrap(model.groups.first) { group in
                                    .p(
                                        .class("field-hint"), .text(BeneficiaryError.inGroup(group.id, name: group.name).message(t.lang) + " "),
                                        .a(.href(Site.group(group.id)), .text(t(.benOpenGroup))))
                                })))
                ))
        }

        private var groupSection: Node {
            let id = model.person.id
            return .section(
                .id("kube"), .h2(.text(t(.benProfileGroups))),
                .if(model.groups.isEmpty, .p(.class("muted"), .text(t(.benProfileGroupsSoon)))),
                .ul(
                    .forEach(model.groups) { group in
                        let membership = group.members.last { $0.beneficiary.uuidString == id }
                        let role = membership.map { $0.role.label(t.lang) } ?? ""
                        let period =
                            membership.map { m in
                                m.leftOn.map { t(.benProfileGroupLeft, m.joinedOn.long(t.lang), $0.long(t.lang), m.leaveReason ?? "") }
                                    ?? t(.benProfileGroupSince, m.joinedOn.long(t.lang))
                            } ?? ""
                        return .li(
                            .a(.href(Site.group(group.id)), .text(group.name)),
                            .text(" · \(role) · \(group.status.label(t.lang)) · \(period)"))
                    }))
        }

        private var recommendations: Node {
            .section(
                .id("rekomendasi"), .h2(.text(t(.benProfileRecommendations))), .p(.class("field-hint"), .text(t(.recIntro))),
                .if(model.recommendations.isEmpty, .p(.class("muted"), .text(t(.recNone)))),
                .ol(
                    .class("recommendations"),
                    .forEach(model.recommendations) { rec in
                        .li(
                            .a(.href(Site.skill(rec.skill)), .strong(.text(rec.skillName))),
                            .if(rec.isAlternative, .span(.class("badge off"), .text(t(.recAlternative)))),
                            .span(.class("score"), .text(" · " + t(.recScore, formatRatio(rec.score, t.lang)))),
                            .p(
                                .class("reasons"),
                                .text(rec.reasons.map { $0.text(t.lang, hidingHealth: model.person.masked) }.joined(separator: " · "))),
                            breakdown(rec))
                    }),
                .if(
                    !model.excluded.isEmpty,
                    .details(
                        .summary(.text("\(t(.recExcluded)) (\(model.excluded.count))")),
                        .ul(.forEach(model.excluded) { .li(.text("\($0.skillName): \($0.text(t.lang, hidingHealth: model.person.masked))")) }))))
        }

        /// Each part of the score with its weight: what a pendamping can check against the reasons.
        private func breakdown(_ rec: Recommendation) -> Node {
            let w = model.weights
            let p = rec.parts
            let rows: [(MessageKey, Double, Double)] = [
                (.recPartResource, p.resource, w.resource), (.recPartCraft, p.localCraft, w.localCraft),
                (.recPartInterest, p.interest, w.interest), (.recPartTalent, p.talent, w.talent),
                (.recPartValue, p.valueAdded, w.valueAdded), (.recPartTrack, p.trackRecord, w.trackRecord),
            ]
            return .details(
                .class("breakdown"),
                .summary(.text(t(.recBreakdown))),
                .table(
                    .class("numbers"),
                    .thead(.tr(.th(.text(t(.recPart))), .th(.text(t(.recPartValueHeading))), .th(.text(t(.recWeight))))),
                    .tbody(
                        .forEach(rows) { row in
                            .tr(.td(.text(t(row.0))), .td(.text(formatDecimal(row.1))), .td(.text(formatDecimal(row.2))))
                        },
                        .if(p.suitability < 1, .tr(.td(.text(t(.recPartSuitability))), .td(.text("× " + formatDecimal(p.suitability))), .td()))
                    )))
        }

        private func formatDecimal(_ value: Double) -> String {
            let text = String(format: "%.2f", value)
            return t.lang == .id ? text.replacingOccurrences(of: ".", with: ",") : text
        }

        private func fact(_ label: String, _ value: String, code: Bool = false) -> Node {
            .group(.dt(.text(label)), .dd(code ? .code(.text(value)) : .text(value)))
        }
    }
}
