using AdminMfaWatchdog.Core.ConditionalAccess;
using AdminMfaWatchdog.Core.Directory;

namespace AdminMfaWatchdog.Benchmarks.Tenants;

/// <summary>
/// The long tail of a large tenant's policies: each targets some groups or users (sometimes All users,
/// roles or guests) with its own mix of conditions — apps, client apps, platforms, locations (trusted
/// named locations included), risk, device filters, flows — and grants (MFA, MFA OR a device, AND grants,
/// strengths that do and do not satisfy MFA, block, app protection), in all three states.
/// Shares follow what tenants of this size show: mostly enabled, MFA or device grants, group-targeted.
/// </summary>
internal static class VariedPolicies
{
    public static IEnumerable<ConditionalAccessPolicy> Build(int count, Population population, GroupLayout groups, Catalog catalog, SeededRandom random)
    {
        var draw = new Draw(population, groups, catalog, random);
        for (var n = 0; n < count; n++)
        {
            var (grant, grantName) = draw.Grant();
            var (users, targetName) = draw.Users();
            var state = random.NextDouble() switch
            {
                < 0.70 => PolicyState.Enabled,
                < 0.90 => PolicyState.EnabledForReportingButNotEnforced,
                _ => PolicyState.Disabled,
            };
            // Tenant-wide baselines are in BaselinePolicies; an All-users policy of the long tail is mostly about some apps.
            var applications = users.IncludeUsers.Contains("All") && random.Chance(0.7) ? draw.SomeApplications() : draw.Applications();
            yield return Policies.Base(random.NewId(), $"CA{100 + n:D3} {grantName} for {targetName}", state).Targeting(users).Granting(grant) with
            {
                Applications = applications,
                ClientAppTypes = draw.ClientApps(),
                Platforms = draw.Platforms(),
                Locations = draw.Locations(),
                SignInRiskLevels = random.NextDouble() switch { < 0.80 => [], < 0.92 => ["medium", "high"], _ => ["high"] },
                UserRiskLevels = random.Chance(0.1) ? ["high"] : [],
                DeviceFilter = random.Chance(0.15)
                    ? new DeviceFilter(random.Chance(0.5) ? DeviceFilterMode.Include : DeviceFilterMode.Exclude, random.Pick(catalog.DeviceFilterRules))
                    : null,
                AuthenticationFlowTransferMethods = random.Chance(0.03) ? ["deviceCodeFlow"] : [],
            };
        }
    }

    private sealed class Draw(Population population, GroupLayout groups, Catalog catalog, SeededRandom random)
    {
        private readonly IReadOnlyList<DirectoryUser> _humans = [.. population.AdminAccounts, .. population.People];
        private readonly IReadOnlyList<string> _otherRoles = BuiltInRoles.OtherPrivileged.Concat(BuiltInRoles.Recommended).Select(r => r.TemplateId).ToArray();

        public (GrantControls? Grant, string Name) Grant()
        {
            var strengths = catalog.CustomStrengths;
            return random.NextDouble() switch
            {
                < 0.30 => (Policies.Mfa, "Require MFA"),
                < 0.42 => (Policies.Grant("OR", "mfa", "compliantDevice"), "Require MFA or compliant device"),
                < 0.48 => (Policies.Grant("AND", "mfa", "compliantDevice"), "Require MFA and compliant device"),
                < 0.63 => (Policies.Grant("OR", "compliantDevice", "domainJoinedDevice"), "Require managed device"),
                < 0.71 => (Policies.Block, "Block access"),
                < 0.75 => (Policies.Strength(Catalog.MultifactorStrengthId, "Multifactor authentication", Catalog.MultifactorCombinations), "Require MFA strength"),
                < 0.78 => (ById(strengths[random.Next(2)]), "Require Contoso MFA strength"),
                < 0.80 => (ById(strengths[2]), "Require legacy sign-in strength"),
                < 0.83 => (Policies.Strength(Catalog.PhishingResistantStrengthId, "Phishing-resistant MFA", null), "Require phishing-resistant MFA"),
                < 0.91 => (Policies.Grant("OR", "approvedApplication", "compliantApplication"), "Require app protection"),
                < 0.96 => (new GrantControls("AND", ["mfa"], [], [random.NewId()], null), "Require MFA and terms of use"),
                _ => (null, "Session controls"),
            };
        }

        private static GrantControls ById(AuthenticationStrengthPolicy strength) => Policies.Strength(strength.Id, strength.DisplayName!, null);

        public (UserConditions Users, string Name) Users()
        {
            var excludeGroups = random.Chance(0.4) ? Groups(random.Between(1, 2)) : [];
            var excludeUsers = random.Chance(0.15) ? UserIds(random.Between(1, 3)) : [];
            var excludeRoles = random.Chance(0.05) ? [random.Pick(_otherRoles)] : Array.Empty<string>();
            var roll = random.NextDouble();
            if (roll < 0.70)
            {
                var include = Groups(random.Between(1, 3));
                return (Policies.Users(includeGroups: include, excludeGroups: excludeGroups, excludeUsers: excludeUsers, excludeRoles: excludeRoles),
                    $"{include.Length} group(s)");
            }
            if (roll < 0.86)
                return (Policies.Users(includeUsers: UserIds(random.Between(1, 8)), excludeGroups: excludeGroups), "listed users");
            if (roll < 0.90)
            {
                string[] exclusions = random.Chance(0.5) ? [.. excludeGroups, groups.ServiceAccountExclusion.Id] : excludeGroups;
                return (Policies.Users(includeUsers: ["All"], excludeGroups: exclusions, excludeUsers: excludeUsers, excludeRoles: excludeRoles), "all users");
            }
            if (roll < 0.95)
                return (Policies.Users(includeRoles: random.Sample(_otherRoles, random.Between(1, 3)).ToArray(), excludeUsers: excludeUsers), "selected roles");
            return (Policies.Users() with
            {
                IncludeGuestsOrExternalUsers = new GuestsOrExternalUsers(["b2bCollaborationGuest"], TenantsEnumerated: random.Chance(0.3)),
            }, "guests");
        }

        public ApplicationConditions Applications() => random.NextDouble() switch
        {
            < 0.55 => Policies.Apps(["All"]),
            < 0.70 => Policies.Apps(["Office365"]),
            < 0.90 => SomeApplications(),
            < 0.95 => Policies.Apps(["MicrosoftAdminPortals"]),
            < 0.98 => Policies.Apps(["All"], random.Sample(catalog.ApplicationIds, random.Between(1, 2)).ToArray()),
            _ => new ApplicationConditions([], [], ["urn:user:registerdevice"], []),
        };

        public ApplicationConditions SomeApplications() => Policies.Apps(random.Sample(catalog.ApplicationIds, random.Between(1, 3)).ToArray());

        public string[] ClientApps() => random.NextDouble() switch
        {
            < 0.70 => ["all"],
            < 0.90 => ["browser", "mobileAppsAndDesktopClients"],
            _ => ["exchangeActiveSync", "other"],
        };

        public IncludeExclude? Platforms() => random.NextDouble() switch
        {
            < 0.65 => null,
            < 0.80 => new IncludeExclude(["android", "iOS"], []),
            < 0.90 => new IncludeExclude(["all"], ["windows", "macOS"]),
            _ => new IncludeExclude(["windows"], []),
        };

        public IncludeExclude? Locations() => random.NextDouble() switch
        {
            < 0.45 => null,
            < 0.70 => new IncludeExclude(["All"], ["AllTrusted"]),
            < 0.85 => new IncludeExclude(LocationIds(catalog.Untrusted, random.Between(1, 5)), []),
            < 0.95 => new IncludeExclude(["All"], LocationIds(catalog.Trusted, random.Between(1, 3))),
            _ => new IncludeExclude(["AllTrusted"], []),
        };

        /// <summary>Mostly the groups made for policies; some teams and departments too.</summary>
        private string[] Groups(int count) => Enumerable.Range(0, count)
            .Select(_ => random.Chance(0.85) ? random.Pick(groups.PolicyTargets).Id
                : random.Chance(0.5) ? random.Pick(groups.Teams).Id : random.Pick(groups.Departments).Id)
            .Distinct().ToArray();

        private string[] UserIds(int count) => random.Sample(_humans, count).Select(u => u.Id).ToArray();

        private string[] LocationIds(IEnumerable<NamedLocation> locations, int count) =>
            random.Sample(locations.ToArray(), count).Select(l => l.Id).ToArray();
    }
}
