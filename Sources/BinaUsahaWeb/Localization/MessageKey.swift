/// Every piece of text a person sees. Views ask the catalogue for these; they hold no text.
public enum MessageKey: String, CaseIterable, Sendable {
    case appName, appTagline, footerOffice, skipToContent, switchLanguage, switchLanguageCode
    case navHome, navRegions, navBeneficiaries, navSkills, navGroups, navCoaching, navFieldwork, navMenu
    case homeTitle, homeIntro, homeToday, homeRegionsHeading, homeModulesHeading, homeImportHint
    case homeBrowseRegions, homeWorkRegion
    case levelProvinsi, levelKabupatenKota, levelKecamatan, levelDesaKelurahan
    case kindProvinsi, kindKabupaten, kindKota, kindKecamatan, kindDesa, kindKelurahan, kindDesaAdat
    case regionsTitle, regionsIntro, regionsColumnCode, regionsColumnName, regionsColumnKind, regionsColumnChildren
    case regionsEmpty, regionsEmptyImportHint, regionsBreadcrumbLabel, regionsChildrenHeading
    case errorNotFoundTitle, errorNotFoundBody, errorServerTitle, errorServerBody, errorBadRequestTitle
    case errorGenericTitle, errorBackHome
    case navLogin, navLogout, navUsers, navAudit, navPassword, signedInAs, loginTitle, loginIntro, loginUsername, loginPassword, loginSubmit,
        loginInvalid, loginThrottled, loginMissing, passwordTitle, passwordCurrent, passwordNew, passwordConfirm, passwordSubmit, passwordChanged,
        passwordHint, usersTitle, usersIntro, usersNew, usersColumnUsername, usersColumnName, usersColumnRole, usersColumnRegion, usersColumnStatus,
        usersActive, usersInactive, usersDisplayName, usersRegionHint, usersPassword, usersIsActive, usersSave, usersCreated, usersUpdated,
        usersEditTitle, usersWholeProvince, auditTitle, auditIntro, auditFilterUser, auditFilterEntity, auditFilterFrom, auditFilterUntil,
        auditFilterRegion, auditFilterSubmit, auditColumnWhen, auditColumnWho, auditColumnAction, auditColumnRecord, auditColumnChanges, auditEmpty,
        auditTotal, auditPrev, auditNext, auditBadDate, errorForbiddenTitle, errorForbiddenBody, errorStoredValue, errorCSRF, errorTooManyTitle,
        apiUnauthorized, apiForbidden, formErrorsHeading
    case personSexMale, personSexFemale, benTitle, benIntro, benNew, benImport, benExport, benDuplicates, benSearchName, benSearchNIK,
        benSearchSubmit, benSearchHint, benFilterRegion, benFilterPPKS, benFilterDecile, benFilterStatus, benFilterInterest, benFilterAll,
        benFilterSubmit, benColName, benColNIK, benColDesa, benColPPKS, benColDecile, benColStatus, benBadFilter, benTotal, benEmpty, benNIKNotFound,
        benSearchNIKHint, benNIKSearchDigits, benNIKSearchWhole,
        benProfileIdentity, benProfileKK, benProfileSex, benProfileBirth, benProfileAge, benProfileAddress, benProfilePhone, benProfileWelfare,
        benProfileDecile, benProfileHead, benProfileDisability, benProfileInterests, benProfilePrior, benProfileNotes, benProfileFamily,
        benProfileEligibility, benProfileWarnings, benProfileHistory, benProfileRecommendations, benProfileGroups, benProfileGroupsSoon,
        benProfileMasked, benEdit, benDelete, benDeleteHint, benDeleteConfirmTitle, benDeleteExplain, benDeleteReason, benDeleteReasonHint,
        benDeleteConfirm, benCancel, benOpenGroup, benDeletedTitle, benDeletedIntro, benDeletedEmpty, benDeletedColWhen, benDeletedColReason,
        benDeletedColUntil, benRestore, benRestored, benMovedToDeleted, benDeletedLink, benYes, benNo, benFormTitleNew, benFormTitleEdit, benFormSave,
        fieldNik, fieldNoKK,
        fieldNama, fieldJenisKelamin, fieldTempatLahir, fieldTanggalLahir, fieldKodeDesa, fieldAlamat, fieldRT, fieldRW, fieldTelepon, fieldPPKS,
        fieldDesil, fieldKepala, fieldDisabilitas, fieldMinat, fieldBantuan, fieldStatus, fieldCatatan, benSaved, impTitle, impIntro,
        impFile, impDryRun, impSubmit, impJobTitle, impRunning, impStalled, impQueued, impDone, impDryDone, impFailed, impRows, impInserted,
        impUpdated, impUnchanged, impRejected, impWarned, impProblems, impColLine, impColColumn, impColValue, impColReason, impWarningTag,
        impDownload, impCommit, impNoFile, impProgress, impMoreProblems, intTitle, intAdd, intTag, intAdded, intExists, dupTitle, dupIntro,
        dupSameNameBirth, dupSimilarFamily, dupNone, pagerPage
    case skTitle, skIntro, skColName, skColNeeds, skColInterests, skColValue, skColHours, skColKit, skEstimated, skEssential, skNew, skEdit,
        skProducts, skColProduct, skColUnit, skColMaterial, skColPrice, skSuitability, skDescription, skSource, skResourcesTitle, skResourceCode,
        skResourceName, skResourceNotes, skResourceSave, skResourceSaved, skResourceBadCode, skWeightsTitle, skWeightsIntro, skWeightResource,
        skWeightInterest, skWeightValue, skWeightsSave, skWeightsSaved, skWeightsInvalid, skFormTitleNew, skFieldCode, skFieldName, skFieldNeeds,
        skFieldNeedsHint, skFieldInterests, skFieldInterestsHint, skFieldHours, skFieldKit, skFieldProducts, skFieldProductsHint, skFieldEstimated,
        skSave, skSaved, potTitle, potEmpty, potColResource, potColAbundance, potColWhere, potColSeason, potColNotes, potOwn, potInherited,
        potFormTitle, potFieldSeason, potFieldSource, potSave, potSaved, potRemove, potRemoved, potBadInput, recIntro, recScore, recNone, recExcluded,
        planTitle, planIntro, planNew, planFieldRegion, planFieldTarget, planSubmit, planColCreated, planColRegion, planColStatus, planColGroups,
        planColMembers, planColLeftOut, planNone, planSummary, planGroupHeading, planMembersCount, planColName, planColDesa, planColScore,
        planOverride, planRemove, planMove, planDrop, planMerge, planLeftOutHeading, planInclude, planOverrideReason, planAccept, planDiscard,
        planAccepted, planDiscarded, planProblems, planStale, planSaved, planDraftNote, planDecided, planMixed, planWholeProvince, planNoCandidates
    case planTargetNumber, planChooseMembers
    case grpTitle, grpIntro, grpNew, grpAll, grpNone, grpColName, grpColSkill, grpColPlace, grpColMembers, grpColStatus, grpColRole, grpColAttendance,
        grpFieldName, grpFieldDesa, grpDecree, grpCreate, grpSaved, grpStale, grpBadDate, grpBadAmount, grpStageNow, grpFormed,
        grpPendamping, grpNoPendamping, grpMembersHeading, grpLeftRow, grpSaveRoles, grpFieldNik, grpFieldNikHint, grpAdd, grpFieldMember,
        grpFieldDate, grpFieldReason, grpLeave, grpActivate, grpActivateHint, grpStageHeading, grpFieldStage, grpSaveStage, grpHistoryHeading,
        grpNoHistory, grpHistoryRow, grpAssistanceHeading, grpAssistanceTotal, grpNoAssistance, grpFieldAmount, grpFieldAmountHint, grpFieldForm,
        grpFieldSource, grpFieldRab, grpFieldReceipt, grpAddAssistance, grpSessionsHeading, grpNoSessions, grpSchedule, grpDissolve,
        grpDetailsHeading, grpSaveDetails, prgTitle, prgNone, prgNew, prgFieldName, prgFieldKabkota, prgFieldYear, prgFieldSkills,
        prgFieldTargetGroups, prgFieldTargetPeople, prgFieldBudget, prgFieldStarts, prgFieldEnds, prgFieldPartners, prgCreate, prgTargets,
        prgTargetsValue, prgSpent, prgGroups, prgEnrol, sesNew, sesTitle, sesNoGroups, sesFieldType, sesFieldTime, sesFieldHours, sesFieldPlace,
        sesFieldFacilitator, sesFieldTopic, sesFieldGroups, sesCreate, sesBadDateTime, sesBadStatus, sesHours, sesSaveAttendance, sesSaved,
        sesNotBegun, prgBadNumber, sesBadProgramme, sesBadHours, sesStale, pdmTitle, pdmOverload, pdmGroups, pdmNoGroups, pdmToRecord,
        pdmNothingToRecord, pdmUpcoming, pdmNoUpcoming
    case prgAssistanceByKabkota
    case benProfileGroupSince, benProfileGroupLeft
    case apiMethodNotAllowed, apiNotFound, apiRouteNotFound, apiRegionNotFound, apiBadRegionCode, apiInternal
    case benFormIdentity, benFormAddress, benFormWelfare, benFormNIKHint, benFormFromNIK, benFormBirthHint, benFormPhoneHint, benFormDecileUnknown,
        benFormDecileN, benFormNoDisability, benFormAssistanceHint, benFormPPKSHint, benFormInterestHint, benFormFilter, benFormCheckFields,
        pickSearch, pickSearchHint, pickKabkota, pickKecamatan, pickDesa, pickChoose, pickKabkotaFirst, pickKecamatanFirst, pickNoMatch, pickRefresh,
        formRequired
    case workTitle, workPeople, workNewPlan, workNothing, workImports, workImportChecked, workUnrecorded, workNoOfficers, workToActivate,
        workGroupMembers, workPlans, workPlanTitle, workPlanDetail, workOpen, workRecord, workDuplicates, overviewTitle, overviewIntro,
        overviewPeople, overviewDraft, overviewActive, overviewDissolved, overviewTotal, navMenuButton, auditAllEntities, grpPartsLabel,
        regionAllOfYours
    case navLedger, ldgTab, ldgTitle, ldgIntro, ldgGroupTitle, ldgMonth, ldgShowMonth, ldgOpen, ldgClosed, ldgClosedShort, ldgReadOnly,
        ldgClosedReadOnly, ldgProduction, ldgProductionHint, ldgProduct, ldgUnit, ldgQuantity, ldgMaterialCost, ldgSales, ldgSalesHint, ldgChannel,
        ldgUnitPrice, ldgOtherCosts, ldgAllocation, ldgAllocationHint, ldgModal, ldgIKS, ldgWelfare, ldgIncomes, ldgIncomesHint, ldgIncomeNow,
        ldgReason, ldgReasonHint, ldgSave, ldgSaveCorrection, ldgSaved, ldgStale, ldgSummary, ldgRevenue, ldgProfit, ldgValueAdded, ldgExpected,
        ldgIncomePerMember, ldgHistory, ldgNoHistory, ldgAdjustments, ldgAdjustmentRow, ldgByKabkota, ldgByGroup, ldgBySkill, ldgGroupsReporting,
        ldgStatus, ldgTotal, ldgNoData, ldgCsv, ldgCloseMonth, ldgCloseHint, ldgClosedNotice, ldgMissing, ldgNotRecorded, apiBadChannel,
        apiBadCostKind, apiBadBreakdown
    case navPartners, ptnTitle, ptnIntro, ptnYear, ptnByKabkota, ptnByPartner, ptnCommitted, ptnRealised, ptnRate, ptnNoCommitments, ptnAll, ptnNone,
        ptnNew, ptnName, ptnKind, ptnContact, ptnPhone, ptnEmail, ptnRegions, ptnCreate, ptnSaved, ptnCommitments, ptnGroups, ptnRealisationDate,
        ptnRealisationValue, ptnOutstanding, ptnNote, ptnRecordRealisation, ptnNewCommitment, ptnType, ptnDescription, ptnValue, ptnProgramme,
        ptnRecordCommitment, ptnAccounts, ptnAccountsHint, ptnAccount, ptnLink, ptnMitraTitle, ptnMitraNoPartner, ptnMitraPrivacy, ptnSupportedGroups,
        ptnUnitsMade, apiBadChoice
    case navOutcomes, outTitle, outIntro, outPersonTitle, outGraduated, outProposed, outConfirmNote, outConfirm, outAssessments, outNone, outDate,
        outIncome, outIncomeHint, outSize, outPerCapita, outDecile, outBansos, outBusiness, outYes, outNo, outNew, outSave, outProposedList,
        outNoneProposed, outCohorts, outCohort, outMembers, outBefore, outAfter, outGraduationRate, outSurvival, outCohortHint, outRule, outRuleNow,
        outPovertyLine, outConsecutive, outDecileAbove, outSaveRule, outLink
    case workLedgerDue, workMonthsToClose, workLedgerReported, pdmLedgerDue
    case ptnQuantity
    case fieldKeahlian, fieldKendala, benFormTalentHint, benFormHealthHint
    case recAlternative, recBreakdown, recPart, recPartValueHeading, recWeight, recPartResource, recPartCraft, recPartInterest, recPartTalent,
        recPartValue, recPartTrack, recPartSuitability
    case skWeightCraft, skWeightTalent, skWeightTrack, skWeightsPreview, skWeightsPreviewHint, skPreviewTitle, skPreviewChanged, skPreviewAgreement,
        skPreviewDisagreements, skPreviewDisagreement
    case skFieldUnsuitable, skFieldUnsuitableHint
    case craftTitle, craftIntro, craftEmpty, craftColSkill, craftColWhere, craftColEvidence, craftProducers, craftTrainers, craftBuyers,
        craftFormTitle, craftFieldProducers, craftSave, craftBadInput
}
