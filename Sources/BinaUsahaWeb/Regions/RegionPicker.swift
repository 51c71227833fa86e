import BinaUsahaDomain
import Fluent
import Vapor

/// Picking a desa instead of typing its code: kab/kota → kecamatan → desa selects that narrow
/// each other, and a search by name that tolerates press spellings. Rendered on the server and
/// working without JavaScript (the form's "Tampilkan pilihan" button sends it back to narrow the
/// selects, keeping everything typed); `app.js` only makes the narrowing instant through
/// `/regions/options` and `/regions/search`.
struct RegionPicker {
    var kabkota: [Region] = []
    var kecamatan: [Region] = []
    var desa: [(code: String, label: String)] = []
    var selected: (kabkota: String, kecamatan: String, desa: String) = ("", "", "")
    var search = ""
    /// The user's region: what the selects and the search are limited to.
    var scope: RegionCode = SumateraSelatan.provinceCode
    var searchFoundNothing = false
    /// The name the chosen desa code is sent under (`kode_desa` on the person form, `desa` on the group form).
    var desaField = "kode_desa"

    /// The choices for what the form holds: a desa code, else the kab/kota and kecamatan picked,
    /// else the desa found by `search`.
    static func load(
        desa: String?, kabkota: String?, kecamatan: String?, search: String?, principal: Principal, regions: any RegionRepository
    ) async throws -> RegionPicker {
        var picker = RegionPicker()
        picker.scope = principal.region ?? SumateraSelatan.provinceCode
        let scope = picker.scope
        func inScope(_ code: RegionCode) -> Bool { scope.contains(code) || code.contains(scope) }
        func valid(_ text: String?, _ level: RegionLevel) -> RegionCode? {
            guard let text, let code = try? RegionCode(validating: TextFolding.trim(text)), code.level == level, inScope(code) else { return nil }
            return code
        }
        picker.search = TextFolding.trim(search ?? "")
        let desaCode = valid(desa, .desaKelurahan)
        var kabCode = desaCode?.parent?.parent ?? valid(kabkota, .kabupatenKota)
        var kecCode = desaCode?.parent ?? valid(kecamatan, .kecamatan)
        if let kec = kecCode, let kab = kabCode, !kab.contains(kec) { kecCode = nil }
        picker.kabkota = try await regions.regions(level: .kabupatenKota, within: SumateraSelatan.provinceCode).filter { inScope($0.code) }
        if kabCode == nil, picker.kabkota.count == 1 { kabCode = picker.kabkota[0].code }
        if let kab = kabCode {
            picker.kecamatan = try await regions.regions(level: .kecamatan, within: kab).filter { inScope($0.code) }
            if kecCode == nil, picker.kecamatan.count == 1 { kecCode = picker.kecamatan[0].code }
        }
        if !picker.search.isEmpty, desaCode == nil {
            let found = try await Self.search(picker.search, within: scope, regions: regions)
            picker.desa = found
            picker.searchFoundNothing = found.isEmpty
            picker.selected = (kabCode?.rawValue ?? "", kecCode?.rawValue ?? "", found.first?.code ?? "")
            return picker
        }
        if let kec = kecCode {
            picker.desa = try await regions.regions(level: .desaKelurahan, within: kec).filter { inScope($0.code) }
                .map { ($0.code.rawValue, $0.name) }
        }
        picker.selected = (kabCode?.rawValue ?? "", kecCode?.rawValue ?? "", desaCode?.rawValue ?? "")
        return picker
    }

    /// Desa inside `scope` matching `typed`, labelled with their kecamatan and kab/kota.
    static func search(_ typed: String, within scope: RegionCode, regions: any RegionRepository) async throws -> [(code: String, label: String)] {
        let all = try await regions.regions(level: .desaKelurahan, within: scope.level == .desaKelurahan ? scope.parent : scope)
            .filter { scope.contains($0.code) }
        let found = PlaceNameSearch.matches(typed, in: all, limit: 20)
        let parents = try await regions.existing(Set(found.flatMap { [$0.code.parent, $0.code.parent?.parent].compactMap { $0 } }))
        return found.map { place in
            let kec = place.code.parent.flatMap { parents[$0]?.name } ?? ""
            let kab = place.code.parent?.parent.flatMap { parents[$0]?.name } ?? ""
            return (place.code.rawValue, [place.name, kec, kab].filter { !$0.isEmpty }.joined(separator: " · "))
        }
    }

    func node(_ t: Messages, error: String?, legend: String? = nil) -> Node {
        func options(_ list: [(code: String, label: String)], selected: String, empty: String) -> Node {
            .group(
                .option(.value(""), .text(empty)),
                .forEach(list) { item in .option(.value(item.code), .selected(item.code == selected), .text(item.label)) })
        }
        let kabOptions = kabkota.map { (code: $0.code.rawValue, label: $0.name) }
        let kecOptions = kecamatan.map { (code: $0.code.rawValue, label: $0.name) }
        let desaEmpty = selected.kecamatan.isEmpty && search.isEmpty ? t(.pickKecamatanFirst) : t(.pickChoose)
        return .fieldset(
            .class(error == nil ? "region-picker" : "region-picker invalid"), .attribute(named: "data-region-picker", value: scope.rawValue),
            .legend(.text((legend ?? t(.fieldKodeDesa)) + " *")),
            .div(
                .class("field"), .label(.for("cari_desa"), .text(t(.pickSearch))),
                .input(
                    .type(.search), .name("cari_desa"), .id("cari_desa"), .value(search), .attribute(named: "autocomplete", value: "off"),
                    .attribute(named: "maxlength", value: "60"), .attribute(named: "aria-describedby", value: "cari_desa-hint")),
                .p(.class("field-hint"), .id("cari_desa-hint"), .text(t(.pickSearchHint))),
                .if(searchFoundNothing, .p(.class("field-error"), .text(t(.pickNoMatch, search))))),
            .div(
                .class("field"), .label(.for("kabkota"), .text(t(.pickKabkota))),
                .select(.name("kabkota"), .id("kabkota"), options(kabOptions, selected: selected.kabkota, empty: t(.pickChoose)))),
            .div(
                .class("field"), .label(.for("kecamatan"), .text(t(.pickKecamatan))),
                .select(
                    .name("kecamatan"), .id("kecamatan"),
                    options(kecOptions, selected: selected.kecamatan, empty: selected.kabkota.isEmpty ? t(.pickKabkotaFirst) : t(.pickChoose)))),
            .div(
                .class(error == nil ? "field" : "field invalid"), .label(.for(desaField), .text(t(.pickDesa))),
                .select(
                    .name(desaField), .id(desaField), .required(true), .attribute(named: "data-desa", value: "1"),
                    .attribute(named: "aria-invalid", value: error == nil ? nil : "true"),
                    .attribute(named: "aria-describedby", value: error == nil ? nil : desaField + "-error"),
                    options(desa, selected: selected.desa, empty: desaEmpty)),
                .unwrap(error) { .p(.class("field-error"), .id(desaField + "-error"), .text($0)) }),
            .button(
                .type(.submit), .name("_pilih"), .value("1"), .class("button secondary js-hide"),
                .attribute(named: "formnovalidate", value: "formnovalidate"),
                .text(t(.pickRefresh)))
        )
    }
}

/// `GET /regions/options?parent=CODE` and `GET /regions/search?q=…&within=CODE`: the picker's
/// choices as JSON for `app.js`. Region names are public, as on the region pages.
struct RegionPickerController {
    struct Choice: Content {
        var code: String
        var label: String
    }

    func options(req: Request) async throws -> [Choice] {
        guard let text = try? req.query.get(String.self, at: "parent"), let parent = try? RegionCode(validating: text),
            let level = Self.childLevel(parent.level)
        else { throw Abort(.badRequest, reason: req.t(.apiBadRegionCode, (try? req.query.get(String.self, at: "parent")) ?? "")) }
        return try await req.services.regions(req.db).regions(level: level, within: parent).map { Choice(code: $0.code.rawValue, label: $0.name) }
    }

    func search(req: Request) async throws -> [Choice] {
        let typed = String(((try? req.query.get(String.self, at: "q")) ?? "").prefix(60))
        let within = (try? req.query.get(String.self, at: "within")).flatMap { try? RegionCode(validating: $0) } ?? SumateraSelatan.provinceCode
        return try await RegionPicker.search(typed, within: within, regions: req.services.regions(req.db)).map {
            Choice(code: $0.code, label: $0.label)
        }
    }

    static func childLevel(_ level: RegionLevel) -> RegionLevel? {
        switch level {
        case .provinsi: .kabupatenKota
        case .kabupatenKota: .kecamatan
        case .kecamatan: .desaKelurahan
        case .desaKelurahan: nil
        }
    }
}
