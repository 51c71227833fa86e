/// Every piece of text a person sees. Views ask the catalogue for these; they hold no text.
public enum MessageKey: String, CaseIterable, Sendable {
    case appName, appTagline, footerOffice, skipToContent, switchLanguage, switchLanguageCode, comingSoon
    case navHome, navRegions, navBeneficiaries, navSkills, navGroups, navCoaching, navReports, navMenu
    case homeTitle, homeIntro, homeToday, homeRegionsHeading, homeModulesHeading, homeImportHint
    case homeBrowseRegions, homeWorkRegion
    case levelProvinsi, levelKabupatenKota, levelKecamatan, levelDesaKelurahan
    case kindProvinsi, kindKabupaten, kindKota, kindKecamatan, kindDesa, kindKelurahan, kindDesaAdat
    case regionsTitle, regionsIntro, regionsColumnCode, regionsColumnName, regionsColumnKind, regionsColumnChildren
    case regionsEmpty, regionsEmptyImportHint, regionsBreadcrumbLabel, regionsChildrenHeading, regionsUp
    case errorNotFoundTitle, errorNotFoundBody, errorServerTitle, errorServerBody, errorBadRequestTitle
    case errorGenericTitle, errorBackHome
    case navLogin, navLogout, navUsers, navAudit, navPassword, signedInAs, loginTitle, loginIntro, loginUsername, loginPassword, loginSubmit, loginInvalid, loginThrottled, loginMissing, passwordTitle, passwordCurrent, passwordNew, passwordConfirm, passwordSubmit, passwordChanged, passwordHint, usersTitle, usersIntro, usersNew, usersColumnUsername, usersColumnName, usersColumnRole, usersColumnRegion, usersColumnStatus, usersActive, usersInactive, usersEdit, usersDisplayName, usersRegionHint, usersPassword, usersIsActive, usersSave, usersCreated, usersUpdated, usersEditTitle, usersWholeProvince, auditTitle, auditIntro, auditFilterUser, auditFilterEntity, auditFilterFrom, auditFilterUntil, auditFilterRegion, auditFilterSubmit, auditColumnWhen, auditColumnWho, auditColumnAction, auditColumnRecord, auditColumnChanges, auditEmpty, auditTotal, auditPrev, auditNext, auditBadDate, errorForbiddenTitle, errorForbiddenBody, errorCSRF, errorTooManyTitle, apiUnauthorized, apiForbidden, formErrorsHeading
    case apiNotFound, apiRouteNotFound, apiRegionNotFound, apiBadRegionCode, apiInternal, apiBadRequest
}
