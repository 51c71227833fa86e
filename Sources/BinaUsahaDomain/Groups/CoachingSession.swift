import Foundation

public enum SessionType: String, Sendable, Codable, CaseIterable {
    case pelatihan, motivasi, pendampingan, monitoring

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.pelatihan, .id): "Pelatihan keterampilan"
        case (.motivasi, .id): "Bimbingan motivasi"
        case (.pendampingan, .id): "Pendampingan usaha"
        case (.monitoring, .id): "Monitoring / kunjungan"
        case (.pelatihan, .en): "Skills training"
        case (.motivasi, .en): "Motivation guidance"
        case (.pendampingan, .en): "Business mentoring"
        case (.monitoring, .en): "Monitoring / visit"
        }
    }
}

public enum AttendanceStatus: String, Sendable, Codable, CaseIterable {
    case hadir, izin, sakit, alpa

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.hadir, .id): "Hadir"
        case (.izin, .id): "Izin"
        case (.sakit, .id): "Sakit"
        case (.alpa, .id): "Alpa"
        case (.hadir, .en): "Present"
        case (.izin, .en): "Excused"
        case (.sakit, .en): "Sick"
        case (.alpa, .en): "Absent"
        }
    }
}

/// One coaching session for one or more groups, with its attendance roster.
public struct CoachingSession: Sendable, Equatable {
    public var id: UUID
    public var programme: UUID?
    public var type: SessionType
    /// Start, stored as an instant; shown in WIB.
    public var startsAt: Date
    public var hours: Double
    public var place: String
    public var facilitator: String
    public var topic: String
    public var skill: String?
    public var groups: [UUID]
    /// Beneficiary → status; empty until recorded.
    public var attendance: [UUID: AttendanceStatus]
    public var version: Int

    public init(
        id: UUID = UUID(), programme: UUID? = nil, type: SessionType, startsAt: Date, hours: Double, place: String, facilitator: String,
        topic: String, skill: String? = nil, groups: [UUID], attendance: [UUID: AttendanceStatus] = [:], version: Int = 1
    ) {
        self.id = id
        self.programme = programme
        self.type = type
        self.startsAt = startsAt
        self.hours = hours
        self.place = place
        self.facilitator = facilitator
        self.topic = topic
        self.skill = skill
        self.groups = groups
        self.attendance = attendance
        self.version = version
    }

    public func problems() -> [GroupProblem] {
        var problems: [GroupProblem] = []
        if groups.isEmpty { problems.append(.chooseGroups) }
        if !(0.5...24).contains(hours) { problems.append(.sessionHours) }
        if place.trimmingCharacters(in: .whitespaces).isEmpty { problems.append(.placeRequired) }
        if topic.trimmingCharacters(in: .whitespaces).isEmpty { problems.append(.topicRequired) }
        return problems
    }

    /// Replaces the whole roster. Everyone on it must be an expected member; nobody expected
    /// may be missing.
    public mutating func record(_ roster: [UUID: AttendanceStatus], expected: Set<UUID>) throws(GroupRuleError) {
        let unknown = Set(roster.keys).subtracting(expected)
        let missing = expected.subtracting(roster.keys)
        var problems: [GroupProblem] = []
        if !unknown.isEmpty { problems.append(.strangersOnRoster(unknown.count)) }
        if !missing.isEmpty { problems.append(.rosterIncomplete(missing.count)) }
        guard problems.isEmpty else { throw GroupRuleError(problems) }
        attendance = roster
    }
}

/// Share of sessions attended (hadir) out of sessions recorded; `nil` when nothing is recorded.
public func attendanceRate(_ statuses: [AttendanceStatus]) -> Double? {
    statuses.isEmpty ? nil : Double(statuses.filter { $0 == .hadir }.count) / Double(statuses.count)
}

/// `87 %` — a rate the way Indonesian reports write it.
public func formatPercent(_ rate: Double?) -> String {
    guard let rate else { return "—" }
    return "\(Int((rate * 100).rounded())) %"
}
