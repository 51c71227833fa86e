import Foundation

/// Where beneficiaries are stored.
public protocol BeneficiaryRepository: Sendable {
    /// Existing records among `niks`, keyed by NIK.
    func existing(niks: [String]) async throws -> [String: Beneficiary]
    /// Inserts and updates in one transaction: all of it is stored, or none.
    func save(inserting: [Beneficiary], updating: [Beneficiary]) async throws
    func find(id: UUID) async throws -> Beneficiary?
    func find(nik: String) async throws -> Beneficiary?
    func family(noKK: String) async throws -> [Beneficiary]
    func search(_ query: BeneficiaryQuery) async throws -> BeneficiaryPage
    /// Up to `limit` records of the query in list order (name, then NIK) after `cursor`,
    /// ignoring the query's page: how exports walk a whole list.
    func rows(_ query: BeneficiaryQuery, after cursor: BeneficiaryCursor?, limit: Int) async throws -> [Beneficiary]
    /// Updates one record if its stored version is still `expectedVersion`; returns false when
    /// someone else saved first.
    func update(_ beneficiary: Beneficiary, expectedVersion: Int) async throws -> Bool
    /// Deletes one record if its stored version is still `expectedVersion`.
    func delete(id: UUID, expectedVersion: Int) async throws -> Bool
    /// Moves the person (at `expectedVersion`) into the "Dihapus" list; false when the version moved on.
    func moveToDeleted(_ deleted: DeletedBeneficiary, expectedVersion: Int) async throws -> Bool
    /// The "Dihapus" list of a region (nil: everywhere), newest first, deleted at or after `since`.
    func deleted(in scope: RegionCode?, since: Date, limit: Int) async throws -> [DeletedBeneficiary]
    func deleted(id: UUID) async throws -> DeletedBeneficiary?
    /// Puts the person back in the register as `restored` (same id, next version); false when it
    /// was no longer in the list.
    func moveBack(_ restored: Beneficiary) async throws -> Bool
    /// Erases what was deleted before `date`; returns how many.
    func eraseDeleted(before date: Date) async throws -> Int
    /// Pairs that may be the same person under different NIKs, inside `scope`.
    func likelyDuplicates(in scope: RegionCode?, limit: Int) async throws -> [DuplicateCandidate]
    func count(in scope: RegionCode?) async throws -> Int
    /// Before a large import: sets aside the indexes that only speed up reads (names, KK,
    /// regions, birth dates). Built once over the whole table afterwards they cost a few
    /// seconds; kept up row by row they cost most of a million-row import. Uniqueness (id,
    /// NIK) stays enforced throughout. Idempotent, and safe with other writers and readers
    /// (their reads are slower meanwhile, never wrong).
    func beginBulkLoad() async throws
    /// After a large import, finished or not: builds the indexes set aside again. Idempotent;
    /// the server also runs it at start, after an import that was killed.
    func finishBulkLoad() async throws
}

/// Filters of the beneficiary list. `scope` is the reader's region; the others narrow it.
public struct BeneficiaryQuery: Sendable, Equatable {
    public var scope: RegionCode?
    /// Name, case- and accent-insensitive; matches a prefix of the name or of any later word.
    public var name: String?
    public var region: RegionCode?
    public var ppks: Int?
    public var decile: Int?
    public var status: BeneficiaryStatus?
    public var interest: String?
    /// The first digits of the NIK (1–16 digits; anything else finds no one).
    public var nikPrefix: String?
    public var page: Int
    public var perPage: Int

    public init(
        scope: RegionCode? = nil, name: String? = nil, region: RegionCode? = nil, ppks: Int? = nil, decile: Int? = nil,
        status: BeneficiaryStatus? = nil, interest: String? = nil, nikPrefix: String? = nil, page: Int = 1, perPage: Int = 50
    ) {
        self.scope = scope
        self.name = name
        self.region = region
        self.ppks = ppks
        self.decile = decile
        self.status = status
        self.interest = interest
        self.nikPrefix = nikPrefix
        self.page = Paging.clampPage(page)
        self.perPage = min(max(1, perPage), 500)
    }

    /// Rows before this page.
    public var offset: Int { Paging.offset(page: page, perPage: perPage) }

    /// The NIKs that start with `nikPrefix`, as numbers: `nil` without a prefix, an empty range
    /// when the prefix is not 1–16 ASCII digits.
    public var nikRange: Range<UInt64>? {
        guard let prefix = nikPrefix else { return nil }
        guard (1...16).contains(prefix.utf8.count), prefix.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let start = UInt64(prefix)
        else { return 0..<0 }
        var scale: UInt64 = 1
        for _ in prefix.utf8.count..<16 { scale *= 10 }
        return start * scale..<(start + 1) * scale
    }
}

/// A place in the list order: the folded name and the NIK of the last row read.
public struct BeneficiaryCursor: Sendable, Equatable {
    public var nameKey: String
    public var nik: String

    public init(after beneficiary: Beneficiary) {
        nameKey = TextFolding.fold(beneficiary.details.name)
        nik = beneficiary.details.nik
    }
}

public struct BeneficiaryPage: Sendable {
    public var items: [Beneficiary]
    public var total: Int
    public init(items: [Beneficiary], total: Int) {
        self.items = items
        self.total = total
    }
}

public struct DuplicateCandidate: Sendable, Equatable {
    public enum Reason: String, Sendable { case sameNameAndBirthDate = "same_name_birth_date", similarNameSameFamily = "similar_name_same_kk" }
    public var first: Beneficiary
    public var second: Beneficiary
    public var reason: Reason

    public init(first: Beneficiary, second: Beneficiary, reason: Reason) {
        self.first = first
        self.second = second
        self.reason = reason
    }
}
