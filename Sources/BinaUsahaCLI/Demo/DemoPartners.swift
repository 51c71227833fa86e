import BinaUsahaDomain
import Foundation

/// Partners of the demo province through the partnership use cases: the regional bank in the
/// kab/kota with the most groups (linked to the demo `mitra` account), Dekranasda across the
/// province as a buyer, and a company's CSR with equipment; commitments for this year with
/// deliveries month by month, some still outstanding.
enum DemoPartners {
    static func seed(groups: [KUBEGroup], repositories: Repositories, writes: PartnerWrites, admin: Principal, now: Date) async throws -> Int {
        let byKabkota = Dictionary(grouping: groups) { $0.kecamatan.parent ?? $0.kecamatan }
        guard let busiest = byKabkota.max(by: { ($0.value.count, $1.key.rawValue) < ($1.value.count, $0.key.rawValue) }) else { return 0 }
        let today = CivilDate(now)
        let yearStart = CivilDate(year: today.year, month: 1, day: 1)!
        let yearEnd = CivilDate(year: today.year, month: 12, day: 31)!
        var commitments = 0

        let bank = try await writes.createPartner(
            Partner(name: "Bank Sumsel Babel", kind: .bankKur, contactName: "Unit Usaha Mikro", regions: [busiest.key]), by: admin)
        if let mitra = try await repositories.users.find(username: "mitra") {
            _ = try await writes.linkAccount(mitra.id, to: bank.id, version: bank.version, by: admin)
        }
        let dekranasda = try await writes.createPartner(
            Partner(name: "Dekranasda Provinsi Sumatera Selatan", kind: .dekranasda, regions: byKabkota.keys.sorted()), by: admin)
        let csr = try await writes.createPartner(
            Partner(name: "CSR PT Pupuk Sriwidjaja", kind: .csrPerusahaan, regions: [busiest.key]), by: admin)

        func commit(
            _ partner: Partner, _ type: Commitment.SupportType, _ description: String, value: Int64, quantity: (Int, String)? = nil,
            kabkota: RegionCode, groups: [KUBEGroup], paid: Double
        )
            async throws
        {
            let commitment = try await writes.recordCommitment(
                Commitment(
                    partner: partner.id, type: type, description: description, value: Rupiah(value), quantity: quantity?.0,
                    unit: quantity?.1 ?? "", startsOn: yearStart, endsOn: yearEnd,
                    kabupatenKota: kabkota, groups: groups.map(\.id)), by: admin)
            commitments += 1
            // Delivered in equal parts every other month from February until this month.
            let months = Array(stride(from: 2, through: today.month, by: 2))
            guard !months.isEmpty else { return }
            let part = Int64(Double(value) * paid) / Int64(months.count)
            for month in months where part > 0 {
                let date = CivilDate(year: today.year, month: month, day: 5)!
                guard date <= today else { continue }
                _ = try await writes.recordRealisation(of: commitment.id, date: date, value: Rupiah(part), note: "Tahap \(month / 2)", by: admin)
            }
        }
        let supported = Array(busiest.value.prefix(4))
        try await commit(bank, .kredit, "KUR mikro untuk modal kerja KUBE", value: 200_000_000, kabkota: busiest.key, groups: supported, paid: 0.75)
        try await commit(
            csr, .peralatan, "Alat produksi dan kemasan", value: 60_000_000, quantity: (30, "paket alat"), kabkota: busiest.key,
            groups: Array(busiest.value.suffix(3)), paid: 1)
        for (kabkota, own) in byKabkota.sorted(by: { $0.key < $1.key }) {
            try await commit(
                dekranasda, .offtake, "Pembelian produk untuk gerai Dekranasda", value: Int64(own.count) * 15_000_000, kabkota: kabkota,
                groups: own, paid: 0.6)
        }
        return commitments
    }
}
