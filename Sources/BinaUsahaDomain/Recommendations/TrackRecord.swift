/// One KUBE, as evidence for its skill: where it is, whether it still runs, and the sums of its
/// recorded months (production and sales ledger).
public struct GroupTrack: Sendable, Equatable {
    public var skill: String
    public var desa: RegionCode
    /// Formed and not dissolved (drafts are not read).
    public var active: Bool
    public var revenue: Int64
    public var materialCost: Int64
    /// The members' welfare share over every month.
    public var welfare: Int64
    /// Active members summed over the months.
    public var memberMonths: Int64

    public init(
        skill: String, desa: RegionCode, active: Bool, revenue: Int64 = 0, materialCost: Int64 = 0, welfare: Int64 = 0, memberMonths: Int64 = 0
    ) {
        self.skill = skill
        self.desa = desa
        self.active = active
        self.revenue = revenue
        self.materialCost = materialCost
        self.welfare = welfare
        self.memberMonths = memberMonths
    }
}

/// Reads every formed KUBE (active or dissolved) inside `scope` with its ledger sums.
public protocol TrackRecordSource: Sendable {
    func groupTracks(within scope: RegionCode?) async throws -> [GroupTrack]
}

/// What KUBE of one skill achieved in one kecamatan or kab/kota: "4 KUBE anyaman rotan di Kec.
/// Dempo Selatan, 3 masih aktif, nilai tambah 2,8×".
public struct TrackRecord: Sendable, Equatable {
    public var place: RegionCode
    public var level: EvidenceLevel
    public var groups: Int
    public var active: Int
    /// Revenue ÷ raw-material cost over their recorded months; `nil` without figures.
    public var valueAdded: Double?
    /// Welfare share per member per month; `nil` without figures.
    public var incomePerMemberMonth: Rupiah?

    /// 0–1: half for the share still active, half for the realised value added (5× or more earns
    /// it all; without figures, half of it).
    public var strength: Double {
        let survival = groups == 0 ? 0 : Double(active) / Double(groups)
        let value = valueAdded.map { min(1, max(0, ($0 - 1) / (Recommender.fullValueAddedRatio - 1))) } ?? 0.5
        return 0.5 * survival + 0.5 * value
    }
}

/// The track records of every skill by kecamatan and kab/kota, built once from the groups.
public struct TrackRecords: Sendable {
    private struct Sum {
        var groups = 0
        var active = 0
        var revenue: Int64 = 0
        var materialCost: Int64 = 0
        var welfare: Int64 = 0
        var memberMonths: Int64 = 0
    }

    private var sums: [RegionCode: [String: Sum]] = [:]

    public init(_ tracks: [GroupTrack] = []) {
        for track in tracks {
            guard let kecamatan = track.desa.parent, let kabkota = kecamatan.parent else { continue }
            for place in [kecamatan, kabkota] {
                var sum = sums[place]?[track.skill] ?? Sum()
                sum.groups += 1
                sum.active += track.active ? 1 : 0
                sum.revenue += track.revenue
                sum.materialCost += track.materialCost
                sum.welfare += track.welfare
                sum.memberMonths += track.memberMonths
                sums[place, default: [:]][track.skill] = sum
            }
        }
    }

    public var isEmpty: Bool { sums.isEmpty }

    /// The record of `skill` in the desa's kecamatan, or else its kab/kota; `nil` when no KUBE of
    /// the skill was ever formed there.
    public func record(of skill: String, at desa: RegionCode) -> TrackRecord? {
        for place in [desa.parent, desa.parent?.parent].compactMap({ $0 }) {
            guard let sum = sums[place]?[skill], sum.groups > 0 else { continue }
            return TrackRecord(
                place: place, level: .of(place, from: desa), groups: sum.groups, active: sum.active,
                valueAdded: sum.materialCost > 0 ? Double(sum.revenue) / Double(sum.materialCost) : nil,
                incomePerMemberMonth: sum.memberMonths > 0 ? Rupiah(sum.welfare / sum.memberMonths) : nil)
        }
        return nil
    }
}
