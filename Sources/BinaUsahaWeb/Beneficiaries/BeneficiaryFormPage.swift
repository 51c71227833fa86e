import BinaUsahaDomain

/// Create and edit form for one beneficiary, laid out as people fill it in rather than as the
/// CSV: numbers open the number pad, choices are radio buttons, selects and checkboxes, the desa
/// is picked (`RegionPicker`), and each problem is shown next to its field with what was typed
/// kept. The form sends the same columns as an import row, so the same validator judges both.
enum BeneficiaryFormPage {
    /// The columns in form order with their labels (for messages next to fields and above the form).
    static let labels: [String: MessageKey] = [
        "nik": .fieldNik, "no_kk": .fieldNoKK, "nama": .fieldNama, "jenis_kelamin": .fieldJenisKelamin, "tempat_lahir": .fieldTempatLahir,
        "tanggal_lahir": .fieldTanggalLahir, "kode_desa": .fieldKodeDesa, "alamat": .fieldAlamat, "rt": .fieldRT, "rw": .fieldRW,
        "telepon": .fieldTelepon, "kategori_ppks": .fieldPPKS, "desil": .fieldDesil, "kepala_keluarga": .fieldKepala,
        "disabilitas": .fieldDisabilitas, "minat": .fieldMinat, "bantuan_sebelumnya": .fieldBantuan,
        "keahlian": .fieldKeahlian, "kendala_kesehatan": .fieldKendala,
    ]

    /// Kinds of disability (UU 8/2016 Pasal 4), as the office records them.
    static let disabilityKinds = ["fisik", "intelektual", "mental", "sensorik netra", "sensorik rungu", "sensorik wicara", "ganda"]

    struct View {
        /// `nil` for a new record.
        let id: String?
        let version: Int?
        let form: BeneficiaryForm
        /// Problems of one field, by column.
        var fieldErrors: [String: String] = [:]
        /// Problems that belong to no single field (someone else's change, a NIK taken).
        var errors: [String] = []
        var picker: RegionPicker
        var interests: [String]
        let context: PageContext
        private var t: Messages { context.t }

        func document() -> HTML {
            let title = id == nil ? t(.benFormTitleNew) : t(.benFormTitleEdit, form.fields["nama"] ?? "")
            let statuses = BeneficiaryStatus.allCases.map { (value: $0.rawValue, label: $0.label(t.lang)) }
            let summary = errors + (fieldErrors.isEmpty ? [] : [t(.benFormCheckFields, String(fieldErrors.count))])
            return Layout(context: context, title: title, section: .beneficiaries).document(
                .div(
                    .class("narrow"),
                    .h1(.text(title)),
                    Forms.errors(summary, heading: t(.formErrorsHeading)),
                    .form(
                        .method(.post), .action(id.map { Site.beneficiary($0) } ?? Site.beneficiaries), .class("person-form"),
                        Forms.csrf(context),
                        .unwrap(version) { .input(.type(.hidden), .name("version"), .value(String($0))) },
                        .fieldset(
                            .legend(.text(t(.benFormIdentity))),
                            text("nik", required: true, inputMode: "numeric", maxLength: 24, hint: t(.benFormNIKHint)),
                            text("no_kk", required: true, inputMode: "numeric", maxLength: 24),
                            text("nama", required: true, maxLength: 100),
                            radios(
                                "jenis_kelamin",
                                [("", t(.benFormFromNIK)), ("P", t(.personSexFemale)), ("L", t(.personSexMale))]),
                            text("tempat_lahir", maxLength: 60),
                            text("tanggal_lahir", type: .date, hint: t(.benFormBirthHint)),
                            radios("kepala_keluarga", [("ya", t(.benYes)), ("tidak", t(.benNo))])),
                        picker.node(t, error: fieldErrors["kode_desa"]),
                        .fieldset(
                            .legend(.text(t(.benFormAddress))),
                            text("alamat", maxLength: 200),
                            .div(
                                .class("pair"), text("rt", inputMode: "numeric", maxLength: 3),
                                text("rw", inputMode: "numeric", maxLength: 3)),
                            text("telepon", type: .tel, inputMode: "tel", maxLength: 20, hint: t(.benFormPhoneHint))),
                        ppksChoices,
                        .fieldset(
                            .legend(.text(t(.benFormWelfare))),
                            select(
                                "desil", [("", t(.benFormDecileUnknown))] + (1...10).map { (String($0), t(.benFormDecileN, String($0))) }),
                            select(
                                "disabilitas",
                                [("", t(.benFormNoDisability))] + disabilityOptions.map { ($0, $0) }),
                            text("bantuan_sebelumnya", maxLength: 200, hint: t(.benFormAssistanceHint))),
                        tagChoices("minat", hint: t(.benFormInterestHint)),
                        tagChoices("keahlian", hint: t(.benFormTalentHint)),
                        healthChoices,
                        .fieldset(
                            .legend(.text(t(.fieldStatus))),
                            Forms.select(t(.fieldStatus), name: "status", options: statuses, selected: form.status ?? "calon"),
                            .div(
                                .class("field"), .label(.for("catatan"), .text(t(.fieldCatatan))),
                                .textarea(
                                    .name("catatan"), .id("catatan"), .attribute(named: "rows", value: "3"),
                                    .attribute(named: "maxlength", value: "2000"), .text(form.notes ?? "")))),
                        Forms.submit(t(.benFormSave)))
                ))
        }

        private func value(_ name: String) -> String { form.fields[name] ?? "" }

        private func text(
            _ name: String, type: InputType = .text, required: Bool = false, inputMode: String? = nil, maxLength: Int? = nil,
            hint: String? = nil
        ) -> Node {
            Forms.field(
                t(BeneficiaryFormPage.labels[name]!) + (required ? " *" : ""), name: name, type: type, value: value(name), hint: hint,
                required: required, autocomplete: "off", inputMode: inputMode, maxLength: maxLength, error: fieldErrors[name])
        }

        private func radios(_ name: String, _ options: [(value: String, label: String)]) -> Node {
            let current = TextFolding.trim(value(name))
            let known = options.contains { $0.value.caseInsensitiveCompare(current) == .orderedSame }
            return .fieldset(
                .class(fieldErrors[name] == nil ? "choices" : "choices invalid"),
                .legend(.text(t(BeneficiaryFormPage.labels[name]!))),
                .forEach(options + (known ? [] : [(current, current)])) { option in
                    .label(
                        .class("choice"),
                        .input(
                            .type(.radio), .name(name), .value(option.value),
                            .checked(option.value.caseInsensitiveCompare(current) == .orderedSame)),
                        .text(" " + option.label))
                },
                error(name))
        }

        private func select(_ name: String, _ options: [(value: String, label: String)]) -> Node {
            .div(
                .class(fieldErrors[name] == nil ? "field" : "field invalid"),
                .label(.for(name), .text(t(BeneficiaryFormPage.labels[name]!))),
                .select(
                    .name(name), .id(name), .attribute(named: "aria-invalid", value: fieldErrors[name] == nil ? nil : "true"),
                    .attribute(named: "aria-describedby", value: fieldErrors[name] == nil ? nil : name + "-error"),
                    options: options, selected: value(name)),
                error(name))
        }

        private func error(_ name: String) -> Node {
            .unwrap(fieldErrors[name]) { .p(.class("field-error"), .id(name + "-error"), .text($0)) }
        }

        /// The kinds offered, plus what the record holds if it is none of them (nothing is lost).
        private var disabilityOptions: [String] {
            let current = TextFolding.trim(value("disabilitas"))
            return BeneficiaryFormPage.disabilityKinds + (current.isEmpty || BeneficiaryFormPage.disabilityKinds.contains(current) ? [] : [current])
        }

        /// The 26 PPKS categories as checkboxes, with a filter box that `app.js` brings to life.
        private var ppksChoices: Node {
            let chosen = Set(BeneficiaryRowValidator.list(value("kategori_ppks")).compactMap { PPKS.lookup($0)?.number })
            return .fieldset(
                .class(fieldErrors["kategori_ppks"] == nil ? "choices many" : "choices many invalid"), .id("ppks"),
                .attribute(named: "data-filter", value: t(.benFormFilter)),
                .legend(.text(t(.fieldPPKS) + " *")),
                .p(.class("field-hint"), .text(t(.benFormPPKSHint))),
                .forEach(PPKS.all) { category in
                    .label(
                        .class("choice"),
                        .input(.type(.checkbox), .name("ppks[]"), .value(String(category.number)), .checked(chosen.contains(category.number))),
                        .text(" \(category.number). \(category.name)"))
                },
                error("kategori_ppks"))
        }

        /// The interest catalogue as checkboxes (for interests, and for talents); a stored tag no
        /// longer in it stays ticked.
        private func tagChoices(_ name: String, hint: String) -> Node {
            let chosen = BeneficiaryRowValidator.list(value(name)).map(TextFolding.fold)
            let all = interests + chosen.filter { !interests.contains($0) }
            return .fieldset(
                .class(fieldErrors[name] == nil ? "choices many" : "choices many invalid"), .id(name),
                .legend(.text(t(BeneficiaryFormPage.labels[name]!))),
                .p(.class("field-hint"), .text(hint)),
                .forEach(all) { tag in
                    .label(
                        .class("choice"), .input(.type(.checkbox), .name(name + "[]"), .value(tag), .checked(chosen.contains(tag))), .text(" " + tag))
                },
                error(name))
        }

        /// Health conditions that rule some skills out or down (`Limitation.health`).
        private var healthChoices: Node {
            let chosen = Set(BeneficiaryRowValidator.list(value("kendala_kesehatan")).map(TextFolding.fold))
            let known = Limitation.health.map(\.rawValue)
            let options = Limitation.health.map { ($0.rawValue, $0.label(t.lang)) } + chosen.filter { !known.contains($0) }.sorted().map { ($0, $0) }
            return .fieldset(
                .class(fieldErrors["kendala_kesehatan"] == nil ? "choices" : "choices invalid"), .id("kendala_kesehatan"),
                .legend(.text(t(.fieldKendala))),
                .p(.class("field-hint"), .text(t(.benFormHealthHint))),
                .forEach(options) { option in
                    .label(
                        .class("choice"),
                        .input(.type(.checkbox), .name("kendala_kesehatan[]"), .value(option.0), .checked(chosen.contains(option.0))),
                        .text(" " + option.1))
                },
                error("kendala_kesehatan"))
        }
    }
}
