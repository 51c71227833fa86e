import FluentKit

/// Every migration, in the order it runs. Shipped migrations are never edited: add a new one.
public enum Migrations {
    public static let all: [any Migration] = [
        CreateRegions(),
        SeedSumateraSelatan(),
        CreateUsers(),
        CreateCredentials(),
        CreateAuditLog(),
        CreateInterestTags(),
        CreateBeneficiaries(),
        CreateImportJobs(),
        CreatePotentials(),
        CreateSkills(),
        CreateGroupPlans(),
        SeedStartingCatalogue(),
        CreateNameWords(),
        CreateGroups(),
        AddImportCheckpoints(),
        AddTokenExpiry(),
        AddJobAttempts(),
        RenameSessionsToSignIns(),
        AddRegisterGeneration(),
        DropNameWords(),
        CreateDeletedBeneficiaries(),
        CreateLedger(),
        CreatePartners(),
        CreateOutcomes(),
        CreateLedgerTotals(),
        AddCommitmentQuantity(),
        AddRecommendationEvidence(),
    ]
}
