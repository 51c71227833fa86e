/// Page arithmetic for every paged list and export. Page numbers come from outside (a query
/// string, a JSON body), so they are clamped here and the offset can never overflow: page
/// 9223372036854775807 is simply a page past the end, answered with no rows.
public enum Paging {
    /// Far beyond any real list (a million pages of 500 rows); larger numbers are read as this.
    public static let maximumPage = 1_000_000

    public static func clampPage(_ page: Int) -> Int { min(max(1, page), maximumPage) }

    /// Rows to skip before `page` (1-based, clamped) when pages hold `perPage` rows.
    public static func offset(page: Int, perPage: Int) -> Int { (clampPage(page) - 1) * max(1, perPage) }

    /// Pages needed for `total` rows (at least one, so an empty list still has page 1).
    public static func pageCount(total: Int, perPage: Int) -> Int {
        let perPage = max(1, perPage)
        return max(1, total / perPage + (total % perPage == 0 ? 0 : 1))
    }
}
