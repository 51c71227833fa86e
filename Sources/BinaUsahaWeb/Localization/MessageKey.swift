/// Every piece of text a person sees. Views ask the catalogue for these; they hold no text.
public enum MessageKey: String, CaseIterable, Sendable {
    case appName, appTagline, footerOffice, skipToContent, switchLanguage, switchLanguageCode, comingSoon
    case navHome, navRegions, navBeneficiaries, navSkills, navGroups, navCoaching, navReports, navMenu
    case homeTitle, homeIntro, homeToday, homeRegionsHeading, homeModulesHeading, homeImportHint
    case homeBrowseRegions
    case levelProvinsi, levelKabupatenKota, levelKecamatan, levelDesaKelurahan
    case kindProvinsi, kindKabupaten, kindKota, kindKecamatan, kindDesa, kindKelurahan, kindDesaAdat
    case regionsTitle, regionsIntro, regionsColumnCode, regionsColumnName, regionsColumnKind, regionsColumnChildren
    case regionsEmpty, regionsEmptyImportHint, regionsBreadcrumbLabel, regionsChildrenHeading, regionsUp
    case errorNotFoundTitle, errorNotFoundBody, errorServerTitle, errorServerBody, errorBadRequestTitle
    case errorGenericTitle, errorBackHome
    case apiNotFound, apiRouteNotFound, apiRegionNotFound, apiBadRegionCode, apiInternal, apiBadRequest
}
