import BinaUsahaDomain

/// The skills catalogue pages: the list (with resources and weights), one skill, the form.
enum SkillPages {
    static func list(
        skills: [Skill], resources: [Resource], weights: RecommendationWeights, typed: [String]? = nil, preview: WeightsPreview? = nil,
        canEdit: Bool, notice: String?, errors: [String], context: PageContext
    ) -> HTML {
        let t = context.t
        let names = Dictionary(resources.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        return Layout(context: context, title: t(.skTitle), section: .skills).document(
            .group(
                .h1(.text(t(.skTitle))),
                .p(.text(t(.skIntro))),
                Forms.notice(notice),
                Forms.errors(errors, heading: t(.formErrorsHeading)),
                .if(canEdit, .p(.a(.class("button"), .href(Site.newSkill), .text(t(.skNew))))),
                .div(
                    .class("table-wrap"),
                    .table(
                        .thead(
                            .tr(
                                .th(.text(t(.skColName))), .th(.text(t(.skColNeeds))), .th(.class("hide-narrow"), .text(t(.skColInterests))),
                                .th(.class("num"), .text(t(.skColValue))), .th(.class("num hide-narrow"), .text(t(.skColHours))),
                                .th(.class("num hide-narrow"), .text(t(.skColKit))))),
                        .tbody(
                            .forEach(skills) { skill in
                                .tr(
                                    .td(.a(.href(Site.skill(skill.code)), .text(skill.name))),
                                    .td(.text(needsText(skill, names, t))),
                                    .td(.class("hide-narrow"), .text(skill.interests.joined(separator: ", "))),
                                    .td(
                                        .class("num"), .text(skill.valueAddedRatio.map { formatRatio($0, t.lang) + "×" } ?? "—"),
                                        .if(skill.figuresEstimated, .small(.class("muted"), .text(" *")))),
                                    .td(.class("num hide-narrow"), .text(String(skill.trainingHours))),
                                    .td(.class("num hide-narrow"), .text(skill.starterKitCost.formatted)))
                            }))),
                .p(.class("field-hint"), .text("* " + t(.skEstimated))),
                .section(
                    .h2(.text(t(.skResourcesTitle))),
                    .ul(.class("tags"), .forEach(resources) { .li(.text($0.name), .small(.class("muted"), .text(" (\($0.code))"))) }),
                    .if(
                        canEdit,
                        .form(
                            .method(.post), .action(Site.skillResources), .class("inline-form"), Forms.csrf(context),
                            Forms.field(t(.skResourceCode), name: "code", required: true),
                            Forms.field(t(.skResourceName), name: "name", required: true),
                            Forms.field(t(.skResourceNotes), name: "notes"),
                            Forms.submit(t(.skResourceSave))))),
                weightsSection(weights, typed: typed, preview: preview, canEdit: canEdit, context: context)
            ))
    }

    static let weightLabels: [MessageKey] = [
        .skWeightResource, .skWeightCraft, .skWeightInterest, .skWeightTalent, .skWeightValue, .skWeightTrack,
    ]

    /// The weights, the admin's form, and the preview of what typed weights would change.
    static func weightsSection(
        _ weights: RecommendationWeights, typed: [String]?, preview: WeightsPreview?, canEdit: Bool, context: PageContext
    ) -> Node {
        let t = context.t
        let names = RecommendationWeights.fieldNames
        let values = typed ?? weights.all.map { formatWeight($0, t.lang) }
        return .section(
            .id("bobot"),
            .h2(.text(t(.skWeightsTitle))), .p(.class("field-hint"), .text(t(.skWeightsIntro))),
            .dl(
                .class("facts"),
                .forEach(Array(zip(weightLabels, weights.all))) { .group(.dt(.text(t($0.0))), .dd(.text(formatWeight($0.1, t.lang)))) }),
            .if(
                canEdit,
                .form(
                    .method(.post), .action(Site.skillWeights + "#pratinjau-bobot"), .class("inline-form"), Forms.csrf(context),
                    .forEach(Array(zip(weightLabels, zip(names, values)))) {
                        Forms.field(t($0.0), name: $0.1.0, value: $0.1.1, inputMode: "decimal")
                    },
                    .p(.class("field-hint"), .text(t(.skWeightsPreviewHint))),
                    .button(.type(.submit), .class("button"), .text(t(.skWeightsPreview))))),
            .unwrap(preview) { preview in
                .div(
                    .class("alert ok preview"), .id("pratinjau-bobot"), .attribute(named: "role", value: "status"),
                    .h3(.text(t(.skPreviewTitle))),
                    .p(.text(t(.skPreviewChanged, formatCount(preview.changed), formatCount(preview.people)))),
                    .p(
                        .text(
                            t(
                                .skPreviewAgreement, "\(preview.proposed.top1)/\(preview.proposed.cases)",
                                RecommendationEvaluation.percent(preview.proposed.top1Share, t.lang),
                                "\(preview.current.top1)/\(preview.current.cases)",
                                RecommendationEvaluation.percent(preview.current.top1Share, t.lang),
                                RecommendationEvaluation.percent(preview.proposed.top3Share, t.lang)))),
                    .if(
                        !preview.proposed.disagreements.isEmpty,
                        .details(
                            .summary(.text(t(.skPreviewDisagreements, String(preview.proposed.disagreements.count)))),
                            .ul(
                                .forEach(preview.proposed.disagreements) { item in
                                    .li(
                                        .text(
                                            t(
                                                .skPreviewDisagreement, String(item.labelled.line), item.labelled.expected,
                                                item.ranked.first?.skill ?? "—", item.labelled.note)))
                                }))),
                    .form(
                        .method(.post), .action(Site.skillWeights + "#bobot"), Forms.csrf(context),
                        .forEach(Array(zip(names, preview.weights.all))) {
                            .input(.type(.hidden), .name($0.0), .value(String($0.1)))
                        },
                        .input(.type(.hidden), .name("simpan"), .value("1")),
                        Forms.submit(t(.skWeightsSave))))
            })
    }

    /// `0,25`, `1`, `1,5`: up to two decimals, no trailing zeros.
    static func formatWeight(_ value: Double, _ lang: Lang) -> String {
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return lang == .id ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    static func needsText(_ skill: Skill, _ names: [String: String], _ t: Messages) -> String {
        skill.needs.isEmpty
            ? "—"
            : skill.needs.map { need in
                (names[need.resource] ?? need.resource) + (need.essential ? " (\(t(.skEssential)))" : "")
            }.joined(separator: ", ")
    }

    static func detail(_ skill: Skill, resources: [Resource], canEdit: Bool, notice: String?, context: PageContext) -> HTML {
        let t = context.t
        let names = Dictionary(resources.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        return Layout(context: context, title: skill.name, section: .skills).document(
            .group(
                .nav(.class("breadcrumbs"), .ol(.li(.a(.href(Site.skills), .text(t(.skTitle)))), .li(.span(.text(skill.name))))),
                .h1(.text(skill.name)),
                Forms.notice(notice),
                .if(!skill.description.isEmpty, .p(.text(skill.description))),
                .dl(
                    .class("facts"),
                    .dt(.text(t(.skColNeeds))), .dd(.text(needsText(skill, names, t))),
                    .dt(.text(t(.skColInterests))), .dd(.text(skill.interests.joined(separator: ", "))),
                    .dt(.text(t(.skColHours))), .dd(.text(String(skill.trainingHours))),
                    .dt(.text(t(.skColKit))), .dd(.text(skill.starterKitCost.formatted)),
                    .dt(.text(t(.skColValue))), .dd(.text(skill.valueAddedRatio.map { formatRatio($0, t.lang) + "×" } ?? "—")),
                    .dt(.text(t(.skSuitability))), .dd(.text(skill.suitability.isEmpty ? "—" : skill.suitability)),
                    .dt(.text(t(.skFieldUnsuitable))),
                    .dd(
                        skill.unsuitable.isEmpty
                            ? .text("—")
                            : .ul(
                                .forEach(skill.unsuitable) {
                                    .li(
                                        .text(
                                            "\($0.limitation.label(t.lang)): \($0.effect.label(t.lang))\($0.reason.isEmpty ? "" : " — \($0.reason)")")
                                    )
                                })),
                    .dt(.text(t(.skSource))),
                    .dd(
                        .text(skill.source.isEmpty ? "—" : skill.source),
                        .if(skill.figuresEstimated, .strong(.text(" (\(t(.skEstimated)))"))))),
                .h2(.text(t(.skProducts))),
                .div(
                    .class("table-wrap"),
                    .table(
                        .thead(
                            .tr(
                                .th(.text(t(.skColProduct))), .th(.text(t(.skColUnit))), .th(.class("num"), .text(t(.skColMaterial))),
                                .th(.class("num"), .text(t(.skColPrice))), .th(.class("num"), .text(t(.skColValue))))),
                        .tbody(
                            .forEach(skill.products) { product in
                                .tr(
                                    .td(.text(product.name)), .td(.text(product.unit)), .td(.class("num"), .text(product.materialCost.formatted)),
                                    .td(.class("num"), .text(product.sellingPrice.formatted)),
                                    .td(.class("num"), .text(product.valueAddedRatio.map { formatRatio($0, t.lang) + "×" } ?? "—")))
                            }))),
                .if(canEdit, .p(.a(.class("button"), .href(Site.skillEdit(skill.code)), .text(t(.skEdit)))))
            ))
    }

    static func form(
        _ form: SkillForm, version: Int?, errors: FormErrors, resources: [Resource], interests: [String],
        context: PageContext
    ) -> HTML {
        let t = context.t
        let title = version == nil ? t(.skFormTitleNew) : t(.skEdit)
        let action = version == nil ? Site.skills : Site.skill(form.code)
        let order = ["code", "name", "needs", "interests", "trainingHours", "starterKitCost", "products", "unsuitable", "form"]
        func error(_ field: String) -> String? { errors[field]?.message(t.lang) }
        let messages = order.compactMap { errors[$0]?.message(t.lang) }
        return Layout(context: context, title: title, section: .skills).document(
            .div(
                .class("narrow"),
                .h1(.text(title)),
                Forms.errors(messages, heading: t(.formErrorsHeading)),
                .form(
                    .method(.post), .action(action), Forms.csrf(context),
                    .unwrap(version) { .input(.type(.hidden), .name("version"), .value(String($0))) },
                    version == nil
                        ? Forms.field(t(.skFieldCode), name: "code", value: form.code, required: true, error: error("code"))
                        : .input(.type(.hidden), .name("code"), .value(form.code)),
                    Forms.field(t(.skFieldName), name: "name", value: form.name, required: true, error: error("name")),
                    textArea(t(.skDescription), name: "description", value: form.description, rows: 2),
                    textArea(
                        t(.skFieldNeeds), name: "needs", value: form.needs, rows: 3,
                        hint: t(.skFieldNeedsHint, resources.map(\.code).joined(separator: ", ")), error: error("needs")),
                    Forms.field(
                        t(.skFieldInterests), name: "interests", value: form.interests,
                        hint: t(.skFieldInterestsHint, interests.joined(separator: "; ")), error: error("interests")),
                    Forms.field(
                        t(.skFieldHours), name: "trainingHours", type: .number, value: form.trainingHours, required: true,
                        error: error("trainingHours")),
                    Forms.field(
                        t(.skFieldKit), name: "starterKitCost", value: form.starterKitCost, required: true, error: error("starterKitCost")),
                    textArea(
                        t(.skFieldProducts), name: "products", value: form.products, rows: 3, hint: t(.skFieldProductsHint),
                        error: error("products")),
                    textArea(t(.skSuitability), name: "suitability", value: form.suitability, rows: 2),
                    textArea(
                        t(.skFieldUnsuitable), name: "unsuitable", value: form.unsuitable, rows: 3,
                        hint: t(.skFieldUnsuitableHint, Limitation.allCases.map(\.rawValue).joined(separator: ", ")),
                        error: error("unsuitable")),
                    Forms.field(t(.skSource), name: "source", value: form.source),
                    Forms.checkbox(t(.skFieldEstimated), name: "figuresEstimated", checked: form.figuresEstimated),
                    Forms.submit(t(.skSave)))
            ))
    }

    static func textArea(_ label: String, name: String, value: String, rows: Int, hint: String? = nil, error: String? = nil) -> Node {
        .div(
            .class(error == nil ? "field" : "field invalid"), .label(.for(name), .text(label)),
            .textarea(
                .name(name), .id(name), .attribute(named: "rows", value: String(rows)),
                .attribute(named: "aria-invalid", value: error == nil ? nil : "true"),
                .attribute(named: "aria-describedby", value: error == nil ? nil : name + "-error"), .text(value)),
            .unwrap(error) { .p(.class("field-error"), .id(name + "-error"), .text($0)) },
            .unwrap(hint) { .p(.class("field-hint"), .text($0)) })
    }
}
