/// What a person enters for one beneficiary (form or API), as text; validated by the same
/// rules as an import row.
public struct BeneficiaryForm: Sendable, Equatable, Codable {
    public var fields: [String: String]
    public var status: String?
    public var notes: String?

    public init(fields: [String: String], status: String? = nil, notes: String? = nil) {
        self.fields = fields
        self.status = status
        self.notes = notes
    }

    /// The form of an existing record, for editing.
    public init(_ beneficiary: Beneficiary) {
        let d = beneficiary.details
        fields = [
            "nik": d.nik, "no_kk": d.noKK, "nama": d.name, "jenis_kelamin": d.sex.rawValue, "tempat_lahir": d.birthPlace,
            "tanggal_lahir": d.birthDate.iso, "kode_desa": d.desa.rawValue, "alamat": d.address, "rt": d.rt, "rw": d.rw,
            "telepon": d.phone, "kategori_ppks": d.ppks.map(String.init).joined(separator: ";"),
            "desil": d.decile.map(String.init) ?? "", "kepala_keluarga": d.isHeadOfFamily ? "ya" : "tidak",
            "disabilitas": d.disability, "minat": d.interests.joined(separator: ";"),
            "keahlian": d.talents.joined(separator: ";"), "kendala_kesehatan": d.health.joined(separator: ";"),
            "bantuan_sebelumnya": d.priorAssistance.map(\.text).joined(separator: ";"),
        ]
        status = beneficiary.status.rawValue
        notes = beneficiary.notes
    }
}

extension Beneficiary {
    /// The fields the audit trail records.
    public var auditFields: [String: String?] {
        var fields: [String: String?] = BeneficiaryForm(self).fields.mapValues { $0 }
        fields["status"] = status.rawValue
        fields["catatan"] = notes
        return fields
    }
}
