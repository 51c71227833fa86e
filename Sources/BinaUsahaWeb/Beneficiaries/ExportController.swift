import BinaUsahaDomain
import Fluent
import Vapor

/// `GET /beneficiaries/export.csv`: the filtered list as CSV, masked like the pages, audited.
struct ExportController {
    func export(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let filters = try req.query.decode(BeneficiaryList.Filters.self)
        let query = try BeneficiariesController.query(filters, name: nil, principal: principal, perPage: 500, lang: req.lang)
        let services = req.services
        var csv = CSVText.byteOrderMark + CSVText.spreadsheetLine(BeneficiaryRowValidator.columns + ["status"])
        let export = ExportBeneficiaries(transactor: services.transactor(req.db), repository: services.beneficiaries(req.db), clock: services.clock)
        try await export(query, filters: BeneficiaryList.View.queryString(filters), by: principal) { batch in
            for person in batch {
                var fields = BeneficiaryForm(person).fields
                if !principal.seesPersonalData(in: person.details.desa) {
                    fields["nik"] = PersonalDataMask.identityNumber(person.details.nik)
                    fields["no_kk"] = PersonalDataMask.identityNumber(person.details.noKK)
                    fields["telepon"] = person.details.phone.isEmpty ? "" : PersonalDataMask.phone(person.details.phone)
                    fields["alamat"] = ""
                    fields["rt"] = ""
                    fields["rw"] = ""
                    fields["kendala_kesehatan"] = ""
                }
                csv += CSVText.spreadsheetLine(BeneficiaryRowValidator.columns.map { fields[$0] ?? "" } + [person.status.rawValue])
            }
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.contentDisposition = .init(.attachment, filename: "penerima-manfaat.csv")
        return Response(status: .ok, headers: headers, body: .init(string: csv))
    }
}

extension BeneficiaryList.View {
    /// The filters as they appear in an audit note.
    static func queryString(_ filters: BeneficiaryList.Filters) -> String {
        [
            ("wilayah", filters.region), ("ppks", filters.ppks.map(String.init)), ("desil", filters.desil.map(String.init)),
            ("status", filters.status), ("minat", filters.minat),
        ]
        .compactMap { key, value in value.flatMap { $0.isEmpty ? nil : "\(key)=\($0)" } }.joined(separator: ", ")
    }
}
