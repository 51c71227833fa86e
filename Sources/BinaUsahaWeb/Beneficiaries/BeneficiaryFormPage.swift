import BinaUsahaDomain

/// Create and edit form for one beneficiary. Every field keeps what was typed when the
/// form comes back with problems.
enum BeneficiaryFormPage {
    static let fields: [(name: String, label: MessageKey, required: Bool)] = [
        ("nik", .fieldNik, true), ("no_kk", .fieldNoKK, true), ("nama", .fieldNama, true), ("jenis_kelamin", .fieldJenisKelamin, false),
        ("tempat_lahir", .fieldTempatLahir, false), ("tanggal_lahir", .fieldTanggalLahir, false), ("kode_desa", .fieldKodeDesa, true),
        ("alamat", .fieldAlamat, false), ("rt", .fieldRT, false), ("rw", .fieldRW, false), ("telepon", .fieldTelepon, false),
        ("kategori_ppks", .fieldPPKS, true), ("desil", .fieldDesil, false), ("kepala_keluarga", .fieldKepala, false),
        ("disabilitas", .fieldDisabilitas, false), ("minat", .fieldMinat, false), ("bantuan_sebelumnya", .fieldBantuan, false),
    ]

    struct View {
        /// `nil` for a new record.
        let id: String?
        let version: Int?
        let form: BeneficiaryForm
        var errors: [String] = []
        let context: PageContext
        private var t: Messages { context.t }

        func document(status: Int = 200) -> HTML {
            let title = id == nil ? t(.benFormTitleNew) : t(.benFormTitleEdit, form.fields["nama"] ?? "")
            let statuses = BeneficiaryStatus.allCases.map { (value: $0.rawValue, label: $0.label(t.lang)) }
            return Layout(context: context, title: title, section: .beneficiaries).document(
                .div(
                    .class("narrow"),
                    .h1(.text(title)),
                    Forms.errors(errors, heading: t(.formErrorsHeading)),
                    .form(
                        .method(.post), .action(id.map { Site.beneficiary($0) } ?? Site.beneficiaries),
                        Forms.csrf(context),
                        .unwrap(version) { .input(.type(.hidden), .name("version"), .value(String($0))) },
                        .forEach(BeneficiaryFormPage.fields) { field in
                            Forms.field(
                                t(field.label), name: field.name, value: form.fields[field.name] ?? "", required: field.required,
                                autocomplete: "off")
                        },
                        Forms.select(t(.fieldStatus), name: "status", options: statuses, selected: form.status ?? "calon"),
                        Forms.field(t(.fieldCatatan), name: "catatan", value: form.notes ?? ""),
                        Forms.submit(t(.benFormSave)))
                ))
        }
    }
}
