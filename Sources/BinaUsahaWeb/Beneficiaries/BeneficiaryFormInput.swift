import BinaUsahaDomain
import Vapor

/// What the person form sent: the columns as text (checkbox lists `ppks[]` and `minat[]`
/// joined as an import row would hold them), the picker's kab/kota, kecamatan and desa search,
/// and whether the "Tampilkan pilihan" button asked only to narrow the selects.
struct FormInput {
    var form: BeneficiaryForm
    var kabkota: String?
    var kecamatan: String?
    var search: String?
    var refresh = false

    init(form: BeneficiaryForm) { self.form = form }

    init(_ req: Request) throws {
        let body = try req.content.decode(FormBody.self)
        var fields = body.strings.filter { BeneficiaryRowValidator.columns.contains($0.key) }
        // NIK and KK as printed on the cards, in groups of four: the digits are the number.
        for column in ["nik", "no_kk"] { fields[column] = fields[column].map { $0.filter { !$0.isWhitespace } } }
        if let ppks = body.lists["ppks"] { fields["kategori_ppks"] = ppks.joined(separator: ";") }
        for column in ["minat", "keahlian", "kendala_kesehatan"] {
            if let list = body.lists[column] { fields[column] = list.joined(separator: ";") }
        }
        // A form whose checkboxes are all unticked sends nothing for them: that is a choice too.
        if body.strings["kategori_ppks"] == nil, body.lists["ppks"] == nil { fields["kategori_ppks"] = "" }
        for column in ["minat", "keahlian", "kendala_kesehatan"] where body.strings[column] == nil && body.lists[column] == nil {
            fields[column] = ""
        }
        form = BeneficiaryForm(fields: fields, status: body.strings["status"], notes: body.strings["catatan"])
        kabkota = body.strings["kabkota"]
        kecamatan = body.strings["kecamatan"]
        search = body.strings["cari_desa"]
        refresh = body.strings["_pilih"] != nil
    }
}
