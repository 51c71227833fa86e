import BinaUsahaDomain
import Vapor

/// What waits for a kab/kota operator today: checked imports not yet imported, draft plans, KUBE without officers or waiting for activation,
/// and sessions whose attendance was not recorded. Each item links to the page that settles it.
/// Likely duplicates are a link, not a count: finding them is a self-join too slow for a page
/// everyone opens first.
struct WorkQueue {
    struct Item {
        var title: String
        var detail: String
        var href: String
    }

    var people: Int
    var imports: [Item] = []
    var plans: [Item] = []
    var groupsWithoutOfficers: [Item] = []
    var groupsToActivate: [Item] = []
    var unrecordedSessions: [Item] = []
    /// Last month, when the kab/kota has not closed it yet.
    var monthsToClose: [Item] = []
    /// Active groups that have not recorded last month's production and sales.
    var ledgerDue: [Item] = []

    var isEmpty: Bool {
        imports.isEmpty && plans.isEmpty && groupsWithoutOfficers.isEmpty && groupsToActivate.isEmpty
            && unrecordedSessions.isEmpty && monthsToClose.isEmpty && ledgerDue.isEmpty
    }

    static func load(_ req: Request, principal: Principal) async throws -> WorkQueue {
        let services = req.services
        let t = req.t
        let scope = principal.region
        let now = services.clock.now()
        var queue = WorkQueue(people: try await services.beneficiaries(req.db).count(in: scope))
        queue.imports = try await services.importJobStore(req.db).checkedNotImported(by: principal.userID, limit: 10).map { job in
            Item(
                title: job.fileName, detail: t(.workImportChecked, job.report.processed.formattedID, job.report.rejectedRows.formattedID),
                href: Site.importJob(job.id))
        }
        queue.plans = try await services.plans(req.db).list(within: scope, limit: 50).filter { $0.status == .draft }.map { plan in
            Item(
                title: t(.workPlanTitle, IndonesianCalendar.longDate(plan.createdAt, t.lang)),
                detail: t(.workPlanDetail, plan.groupCount.formattedID, plan.memberCount.formattedID), href: Site.plan(plan.id))
        }
        let groups = try await services.groups(req.db).list(within: scope, pendamping: nil)
        for group in groups where group.status == .draft {
            let roles = Set(group.activeMembers.map(\.role))
            let officers: Set<MemberRole> = [.ketua, .sekretaris, .bendahara]
            let item = Item(title: group.name, detail: t(.workGroupMembers, group.activeMembers.count.formattedID), href: Site.group(group.id))
            if officers.isSubset(of: roles) { queue.groupsToActivate.append(item) } else { queue.groupsWithoutOfficers.append(item) }
        }
        let names = Dictionary(groups.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let sessions = try await services.coaching(req.db).sessions(ofGroups: groups.filter { $0.status == .aktif }.map(\.id))
        queue.unrecordedSessions = sessions.filter { $0.startsAt < now && $0.attendance.isEmpty }.sorted { $0.startsAt < $1.startsAt }
            .prefix(30).map { session in
                Item(
                    title: session.topic,
                    detail: IndonesianCalendar.longDateTime(session.startsAt, t.lang) + " · "
                        + session.groups.compactMap { names[$0] }.joined(separator: ", "),
                    href: Site.session(session.id))
            }
        let lastMonth = YearMonth(now).previous
        let ledger = services.ledger(req.db)
        let active = groups.filter { $0.status == .aktif }
        let recorded = Set(try await ledger.months(within: scope, month: lastMonth).map(\.group))
        queue.ledgerDue = active.filter { !recorded.contains($0.id) }.prefix(30).map { group in
            Item(title: group.name, detail: lastMonth.label(t.lang), href: Site.groupLedger(group.id) + "?bulan=\(lastMonth.text)")
        }
        if let kabkota = scope, kabkota.level == .kabupatenKota, principal.may(.closeMonths), !active.isEmpty,
            try await ledger.closure(of: kabkota, month: lastMonth) == nil
        {
            queue.monthsToClose = [
                Item(
                    title: lastMonth.label(t.lang), detail: t(.workLedgerReported, String(recorded.count), String(active.count)),
                    href: Site.ledger + "?bulan=\(lastMonth.text)")
            ]
        }
        return queue
    }
}

/// The same counts for every kab/kota in the user's region, until the dashboard exists: what
/// the admin and the Kepala Dinas land on.
struct RegionOverview {
    struct Row {
        var code: RegionCode
        var name: String
        var people: Int
        var draft: Int
        var active: Int
        var dissolved: Int
    }

    var rows: [Row]

    static func load(_ req: Request, principal: Principal) async throws -> RegionOverview {
        let services = req.services
        let kabkota = try await services.regions(req.db).regions(level: .kabupatenKota, within: SumateraSelatan.provinceCode)
            .filter { principal.covers($0.code) || $0.code.contains(principal.region ?? $0.code) }
        let groups = try await services.groups(req.db).list(within: principal.region, pendamping: nil)
        var rows: [Row] = []
        for region in kabkota {
            let own = groups.filter { region.code.contains($0.desa) }
            rows.append(
                Row(
                    code: region.code, name: region.name,
                    people: try await services.beneficiaries(req.db).count(in: principal.covers(region.code) ? region.code : principal.region),
                    draft: own.count { $0.status == .draft }, active: own.count { $0.status == .aktif }, dissolved: own.count { $0.status == .bubar })
            )
        }
        return RegionOverview(rows: rows)
    }
}
