/// The office's roles. Names are the ones staff use.
public enum Role: String, Sendable, Codable, CaseIterable {
    /// Provincial administrator: everything, including users, catalogues, settings and audit.
    case adminProvinsi = "admin_provinsi"
    /// Kabupaten/kota operator: creates and edits people, groups, sessions and sales in one kab/kota.
    case operatorKabkota = "operator_kabkota"
    /// Field facilitator: records attendance, visits and sales for the groups assigned to them.
    case pendamping
    /// Partner (CSR, NGO, bank, university): aggregates and its own groups, never NIK/KK/phone/address.
    case mitra
    /// Leadership and auditors (e.g. Kepala Dinas): read everything in scope, read the audit trail.
    case pimpinan

    public var permissions: Set<Permission> {
        switch self {
        case .adminProvinsi: Set(Permission.allCases)
        case .operatorKabkota:
            [
                .readRegistry, .writeRegistry, .readPersonalData, .recordFieldwork, .readAggregates, .editPotentials, .planGroups, .closeMonths,
                .managePartners,
            ]
        // A pendamping works with names and groups; NIK, KK and phone stay masked for them.
        case .pendamping: [.readRegistry, .recordFieldwork, .readAggregates]
        case .mitra: [.readAggregates]
        case .pimpinan: [.readRegistry, .readPersonalData, .readAggregates, .readAudit]
        }
    }

    /// Which region levels a user of this role may be attached to; `nil` region means the whole province.
    public var allowedRegionLevels: Set<RegionLevel> {
        switch self {
        case .adminProvinsi: [.provinsi]
        case .operatorKabkota: [.kabupatenKota]
        case .pendamping: [.kecamatan, .kabupatenKota]
        case .mitra: [.provinsi, .kabupatenKota]
        case .pimpinan: [.provinsi, .kabupatenKota]
        }
    }

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.adminProvinsi, .id): "Admin provinsi"
        case (.adminProvinsi, .en): "Provincial admin"
        case (.operatorKabkota, .id): "Operator kabupaten/kota"
        case (.operatorKabkota, .en): "Regency/city operator"
        case (.pendamping, .id): "Pendamping"
        case (.pendamping, .en): "Field facilitator (pendamping)"
        case (.mitra, .id): "Mitra"
        case (.mitra, .en): "Partner"
        case (.pimpinan, .id): "Pimpinan / auditor"
        case (.pimpinan, .en): "Leadership / auditor"
        }
    }
}

/// What a role may do. Routes name the permission they need (see `PermissionPolicy`).
public enum Permission: String, Sendable, CaseIterable {
    case manageUsers
    case readAudit
    case manageCatalogues
    case importRegions
    case readRegistry
    case writeRegistry
    /// See NIK, KK, phone and address unmasked (within the user's region).
    case readPersonalData
    case recordFieldwork
    case readAggregates
    /// Record and edit resource potentials of regions (within the user's region).
    case editPotentials
    /// Propose, edit and accept KUBE group plans (within the user's region).
    case planGroups
    /// Close a kab/kota's month of production and sales, and correct a closed month.
    case closeMonths
    /// Record partners working in the user's region, their commitments and what they delivered.
    case managePartners
}
