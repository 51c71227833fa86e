import Foundation

/// What the register index keeps of one person: enough to filter, order and count the list
/// without reading the register's rows.
public struct RegisterEntry: Sendable, Equatable {
    public var id: UUID
    /// The folded name (`TextFolding.fold`): the list's order and what names are searched in.
    public var nameKey: String
    public var nik: String
    public var desa: RegionCode
    public var status: BeneficiaryStatus
    public var decile: Int?
    public var ppks: [Int]
    public var interests: [String]

    public init(
        id: UUID, nameKey: String, nik: String, desa: RegionCode, status: BeneficiaryStatus, decile: Int?, ppks: [Int],
        interests: [String]
    ) {
        self.id = id
        self.nameKey = nameKey
        self.nik = nik
        self.desa = desa
        self.status = status
        self.decile = decile
        self.ppks = ppks
        self.interests = interests
    }

    public init(_ beneficiary: Beneficiary) {
        self.init(
            id: beneficiary.id, nameKey: TextFolding.fold(beneficiary.details.name), nik: beneficiary.details.nik,
            desa: beneficiary.details.desa, status: beneficiary.status, decile: beneficiary.details.decile,
            ppks: beneficiary.details.ppks, interests: beneficiary.details.interests)
    }
}
