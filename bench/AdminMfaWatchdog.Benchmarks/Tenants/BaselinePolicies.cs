using AdminMfaWatchdog.Core.ConditionalAccess;

namespace AdminMfaWatchdog.Benchmarks.Tenants;

/// <summary>
/// The policies every well-run tenant has, Microsoft's templates as people actually deploy them: the
/// watched admin-MFA policies (role-targeted; All users outside trusted locations; a report-only
/// phishing-resistant one; Azure management; a forgotten disabled copy that lost its exclusion group),
/// then block legacy authentication, block device code flow, risk, guests and security-info registration.
/// </summary>
internal static class BaselinePolicies
{
    public const int WatchedCount = 5;

    public static IReadOnlyList<ConditionalAccessPolicy> Build(Population population, GroupLayout groups, SeededRandom random)
    {
        var breakGlass = population.BreakGlass.Select(u => u.Id).ToArray();
        var exclusion = groups.ServiceAccountExclusion.Id;
        var recommended = BuiltInRoles.Recommended.Select(r => r.TemplateId).ToArray();
        var allGuests = new GuestsOrExternalUsers(["b2bCollaborationGuest", "b2bCollaborationMember"], TenantsEnumerated: false);
        var policy = (string name, PolicyState state) => Policies.Base(random.NewId(), name, state);

        ConditionalAccessPolicy[] watched =
        [
            policy("CA001 Require MFA for administrators", PolicyState.Enabled)
                .Targeting(Policies.Users(includeRoles: recommended, excludeUsers: breakGlass, excludeGroups: [exclusion]))
                .Granting(Policies.Mfa),
            policy("CA002 Require MFA for all users outside trusted locations", PolicyState.Enabled)
                .Targeting(Policies.Users(includeUsers: ["All"], excludeUsers: breakGlass, excludeGroups: [exclusion, groups.TravelExclusion.Id])
                    with { ExcludeGuestsOrExternalUsers = allGuests })
                .Granting(Policies.Strength(Catalog.MultifactorStrengthId, "Multifactor authentication", Catalog.MultifactorCombinations))
                with { Locations = new IncludeExclude(["All"], ["AllTrusted"]) },
            policy("CA003 Require phishing-resistant MFA for highly privileged roles", PolicyState.EnabledForReportingButNotEnforced)
                .Targeting(Policies.Users(
                    includeRoles: [BuiltInRoles.GlobalAdministrator, BuiltInRoles.PrivilegedRoleAdministrator, BuiltInRoles.PrivilegedAuthenticationAdministrator],
                    excludeUsers: breakGlass, excludeGroups: [exclusion]))
                .Granting(Policies.Strength(Catalog.PhishingResistantStrengthId, "Phishing-resistant MFA", Catalog.PhishingResistantCombinations)),
            policy("CA004 Require MFA for Azure management", PolicyState.Enabled)
                .Targeting(Policies.Users(includeUsers: ["All"], excludeUsers: breakGlass, excludeGroups: [exclusion]))
                .Granting(Policies.Mfa)
                with { Applications = Policies.Apps([Catalog.AzureManagementAppId]) },
            policy("CA005 Require MFA for admins (old)", PolicyState.Disabled)
                .Targeting(Policies.Users(includeRoles: recommended[..8], excludeUsers: breakGlass))
                .Granting(Policies.Mfa),
        ];

        return
        [
            .. watched,
            policy("CA010 Block legacy authentication", PolicyState.Enabled)
                .Targeting(Policies.Users(includeUsers: ["All"], excludeUsers: breakGlass, excludeGroups: [exclusion]))
                .Granting(Policies.Block) with { ClientAppTypes = ["exchangeActiveSync", "other"] },
            policy("CA011 Block device code flow", PolicyState.Enabled)
                .Targeting(Policies.Users(includeUsers: ["All"], excludeUsers: breakGlass))
                .Granting(Policies.Block) with { AuthenticationFlowTransferMethods = ["deviceCodeFlow"] },
            policy("CA012 Require compliant device for administrators", PolicyState.Enabled)
                .Targeting(Policies.Users(includeRoles: recommended, excludeUsers: breakGlass))
                .Granting(Policies.Grant("OR", "compliantDevice", "domainJoinedDevice"))
                with { Platforms = new IncludeExclude(["all"], ["linux"]) },
            policy("CA013 Block high user risk", PolicyState.Enabled)
                .Targeting(Policies.Users(includeUsers: ["All"], excludeUsers: breakGlass, excludeGroups: [exclusion]))
                .Granting(Policies.Block) with { UserRiskLevels = ["high"] },
            policy("CA014 Require MFA for risky sign-ins", PolicyState.Enabled)
                .Targeting(Policies.Users(includeUsers: ["All"], excludeUsers: breakGlass, excludeGroups: [exclusion]))
                .Granting(Policies.Mfa) with { SignInRiskLevels = ["medium", "high"] },
            policy("CA015 Require MFA for guests", PolicyState.Enabled)
                .Targeting(Policies.Users() with { IncludeGuestsOrExternalUsers = allGuests })
                .Granting(Policies.Mfa),
            policy("CA016 Require MFA to register security information", PolicyState.Enabled)
                .Targeting(Policies.Users(includeUsers: ["All"], excludeUsers: breakGlass))
                .Granting(Policies.Mfa)
                with { Applications = new ApplicationConditions([], [], ["urn:user:registersecurityinfo"], []), Locations = new IncludeExclude(["All"], ["AllTrusted"]) },
        ];
    }
}
