import BinaUsahaDomain
import FluentKit
import Foundation
import SQLKit

final class BeneficiaryRecord: Model, @unchecked Sendable {
    static let schema = "beneficiaries"

    // managed
    @ID(key: .id) var id: UUID?
    @Field(key: "version") var version: Int
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    // data
    @Field(key: "nik") var nik: String
    @Field(key: "no_kk") var noKK: String
    @Field(key: "name") var name: String
    @Field(key: "name_key") var nameKey: String
    @Field(key: "sex") var sex: String
    @Field(key: "birth_place") var birthPlace: String
    @Field(key: "birth_date") var birthDate: String
    @Field(key: "desa_code") var desaCode: String
    @Field(key: "kecamatan_code") var kecamatanCode: String
    @Field(key: "kabkota_code") var kabkotaCode: String
    @Field(key: "address") var address: String
    @Field(key: "rt") var rt: String
    @Field(key: "rw") var rw: String
    @Field(key: "phone") var phone: String
    @Field(key: "ppks") var ppks: String
    @OptionalField(key: "decile") var decile: Int?
    @Field(key: "is_head") var isHead: Bool
    @Field(key: "disability") var disability: String
    @Field(key: "interests") var interests: String
    @Field(key: "talents") var talents: String
    @Field(key: "health") var health: String
    @Field(key: "prior_assistance") var priorAssistance: String
    @Field(key: "status") var status: String
    @OptionalField(key: "notes") var notes: String?
    @Field(key: "warnings") var warnings: String

    init() {}

    func toDomain() throws -> Beneficiary {
        try BeneficiaryRow(
            id: id, version: version, created_at: createdAt, updated_at: updatedAt, nik: nik, no_kk: noKK, name: name, sex: sex,
            birth_place: birthPlace, birth_date: birthDate, desa_code: desaCode, address: address, rt: rt, rw: rw, phone: phone,
            ppks: ppks, decile: decile, is_head: isHead, disability: disability, interests: interests,
            talents: talents, health: health, prior_assistance: priorAssistance, status: status, notes: notes, warnings: warnings
        ).toDomain()
    }
}

/// A person's row as plain values, read column by column (`init(row:)`): several times cheaper
/// than building a Fluent model by reflection (a 50-row page spent 40 % of its time there), and
/// than SQLKit's keyed `Decodable` decoder (14 % of a page).
struct BeneficiaryRow {
    static let columns = [
        "id", "version", "created_at", "updated_at", "nik", "no_kk", "name", "sex", "birth_place", "birth_date", "desa_code",
        "address", "rt", "rw", "phone", "ppks", "decile", "is_head", "disability", "interests", "talents", "health", "prior_assistance",
        "status", "notes", "warnings",
    ]
    /// `columns` as the quoted select list of a hand-written statement.
    static let selectList = columns.map { "\"\($0)\"" }.joined(separator: ", ")

    let id: UUID?
    let version: Int
    let created_at: Date
    let updated_at: Date
    let nik: String
    let no_kk: String
    let name: String
    let sex: String
    let birth_place: String
    let birth_date: String
    let desa_code: String
    let address: String
    let rt: String
    let rw: String
    let phone: String
    let ppks: String
    let decile: Int?
    let is_head: Bool
    let disability: String
    let interests: String
    let talents: String
    let health: String
    let prior_assistance: String
    let status: String
    let notes: String?
    let warnings: String

    func toDomain() throws -> Beneficiary {
        let key = id?.uuidString ?? "?"
        let details = BeneficiaryDetails(
            nik: nik, noKK: no_kk, name: name, sex: try Stored.value(sex, "beneficiaries.sex", of: key), birthPlace: birth_place,
            birthDate: try Stored.date(birth_date, "beneficiaries.birth_date", of: key),
            desa: RegionCode(trusted: desa_code), address: address, rt: rt, rw: rw, phone: phone,
            ppks: try BeneficiaryColumns.list(ppks).map { text -> Int in
                guard let number = Int(text), (1...26).contains(number) else { throw StoredValueError("beneficiaries.ppks", key) }
                return number
            },
            decile: decile, isHeadOfFamily: is_head, disability: disability, interests: BeneficiaryColumns.list(interests),
            priorAssistance: try BeneficiaryColumns.list(prior_assistance).map {
                guard let assistance = BeneficiaryColumns.assistance($0) else { throw StoredValueError("beneficiaries.prior_assistance", key) }
                return assistance
            }, talents: BeneficiaryColumns.list(talents), health: BeneficiaryColumns.list(health))
        guard let id else { throw StoredValueError("beneficiaries.id", key) }
        return Beneficiary(
            id: id, details: details, status: try Stored.value(status, "beneficiaries.status", of: key), notes: notes,
            warnings: try BeneficiaryColumns.list(warnings).map { try Stored.value($0, "beneficiaries.warnings", of: key) },
            version: version, createdAt: created_at, updatedAt: updated_at)
    }
}

extension BeneficiaryRow {
    /// The columns of `columns`, each read by name with its type.
    init(row: some SQLRow) throws {
        func value<T: Decodable>(_ column: String, _: T.Type = T.self) throws -> T { try row.decode(column: column, as: T.self) }
        self.init(
            id: try value("id"), version: try value("version"), created_at: try value("created_at"),
            updated_at: try value("updated_at"), nik: try value("nik"), no_kk: try value("no_kk"), name: try value("name"),
            sex: try value("sex"), birth_place: try value("birth_place"), birth_date: try value("birth_date"),
            desa_code: try value("desa_code"), address: try value("address"), rt: try value("rt"), rw: try value("rw"),
            phone: try value("phone"), ppks: try value("ppks"), decile: try value("decile"), is_head: try value("is_head"),
            disability: try value("disability"), interests: try value("interests"), talents: try value("talents"),
            health: try value("health"), prior_assistance: try value("prior_assistance"), status: try value("status"), notes: try value("notes"),
            warnings: try value("warnings"))
    }
}

/// The column values of a beneficiary, in one place for inserts and updates.
enum BeneficiaryColumns {
    static let names = [
        "id", "nik", "no_kk", "name", "name_key", "sex", "birth_place", "birth_date", "desa_code",
        "kecamatan_code", "kabkota_code", "address", "rt", "rw", "phone", "ppks", "decile", "is_head",
        "disability", "interests", "prior_assistance", "status", "notes", "warnings", "version",
        "created_at", "updated_at", "generation", "talents", "health",
    ]

    /// The row of `b`, stamped with the register generation of the write.
    static func values(_ b: Beneficiary, generation: Int64) -> [any SQLExpression] {
        let d = b.details
        let values: [any Encodable & Sendable] = [
            b.id, d.nik, d.noKK, d.name, TextFolding.fold(d.name), d.sex.rawValue, d.birthPlace, d.birthDate.iso, d.desa.rawValue,
            d.kecamatan.rawValue, d.kabupatenKota.rawValue, d.address, d.rt, d.rw, d.phone, joined(d.ppks.map(String.init)),
        ]
        let tail: [any Encodable & Sendable] = [
            d.isHeadOfFamily, d.disability, joined(d.interests), joined(d.priorAssistance.map(\.text)), b.status.rawValue,
        ]
        return values.map { SQLBind($0) } + [d.decile.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null]
            + tail.map { SQLBind($0) }
            + [
                b.notes.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null,
                SQLBind(joined(b.warnings.map(\.rawValue))), SQLBind(b.version), SQLBind(b.createdAt), SQLBind(b.updatedAt),
                SQLBind(generation), SQLBind(joined(d.talents)), SQLBind(joined(d.health)),
            ]
    }

    /// The same row as `values`, for `BulkRows`.
    static func fields(_ b: Beneficiary, generation: Int64) -> [BulkRows.Field] {
        let d = b.details
        return [
            .uuid(b.id), .text(d.nik), .text(d.noKK), .text(d.name), .text(TextFolding.fold(d.name)), .text(d.sex.rawValue),
            .text(d.birthPlace), .text(d.birthDate.iso), .text(d.desa.rawValue), .text(d.kecamatan.rawValue),
            .text(d.kabupatenKota.rawValue), .text(d.address), .text(d.rt), .text(d.rw), .text(d.phone),
            .text(joined(d.ppks.map(String.init))), d.decile.map(BulkRows.Field.int) ?? .null, .bool(d.isHeadOfFamily),
            .text(d.disability), .text(joined(d.interests)), .text(joined(d.priorAssistance.map(\.text))),
            .text(b.status.rawValue), .text(b.notes), .text(joined(b.warnings.map(\.rawValue))), .int(b.version),
            .date(b.createdAt), .date(b.updatedAt), .int(generation), .text(joined(d.talents)), .text(joined(d.health)),
        ]
    }

    /// `;a;b;` so that `LIKE '%;a;%'` finds one element exactly.
    static func joined(_ items: [String]) -> String { items.isEmpty ? "" : ";" + items.joined(separator: ";") + ";" }
    static func list(_ text: String) -> [String] { text.split(separator: ";").map(String.init) }

    static func assistance(_ text: String) -> PriorAssistance? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let programme = PriorAssistance.Programme(rawValue: String(parts[0])), let year = Int(parts[1])
        else { return nil }
        return PriorAssistance(programme: programme, year: year)
    }
}
