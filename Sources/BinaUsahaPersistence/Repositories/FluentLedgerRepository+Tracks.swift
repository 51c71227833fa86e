import BinaUsahaDomain
import FluentKit
import SQLKit

/// Each formed KUBE with the sums of its recorded months: the track records that recommendations
/// cite ("4 KUBE di Kec. Dempo Selatan, 3 masih aktif, nilai tambah 2,8×").
extension FluentLedgerRepository {
    struct TrackRow: Decodable {
        let skill_code: String, desa_code: String, status: String
        let revenue: Int64?, material_cost: Int64?, welfare: Int64?, member_months: Int64?
    }

    public func groupTracks(within scope: RegionCode?) async throws -> [GroupTrack] {
        let query = sql.select()
            .column(SQLColumn("skill_code", table: "g")).column(SQLColumn("desa_code", table: "g")).column(SQLColumn("status", table: "g"))
            .column(Self.sum("m.revenue", as: "revenue")).column(Self.sum("m.material_cost", as: "material_cost"))
            .column(Self.sum("m.alloc_welfare", as: "welfare")).column(Self.sum("m.active_members", as: "member_months"))
            .from(SQLAlias(SQLIdentifier("kube_groups"), as: SQLIdentifier("g")))
            .join(
                SQLAlias(SQLIdentifier("ledger_months"), as: SQLIdentifier("m")), method: SQLJoinMethod.left,
                on: SQLColumn("group_id", table: "m"), .equal, SQLColumn("id", table: "g")
            )
            .where(SQLColumn("status", table: "g"), .notEqual, SQLBind(KUBEGroup.Status.draft.rawValue))
        if let scope, scope.level != .provinsi {
            let kabkota = scope.lineage.first { $0.level == .kabupatenKota } ?? scope
            query.where(SQLColumn("kabkota_code", table: "g"), .equal, SQLBind(kabkota.rawValue))
        }
        return try await query.groupBy(SQLColumn("id", table: "g")).groupBy(SQLColumn("skill_code", table: "g"))
            .groupBy(SQLColumn("desa_code", table: "g")).groupBy(SQLColumn("status", table: "g"))
            .all(decoding: TrackRow.self)
            .map {
                GroupTrack(
                    skill: $0.skill_code, desa: RegionCode(trusted: $0.desa_code), active: $0.status == KUBEGroup.Status.aktif.rawValue,
                    revenue: $0.revenue ?? 0, materialCost: $0.material_cost ?? 0, welfare: $0.welfare ?? 0, memberMonths: $0.member_months ?? 0)
            }
    }
}
