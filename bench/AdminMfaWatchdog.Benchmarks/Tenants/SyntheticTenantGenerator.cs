using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Core.Directory;

namespace AdminMfaWatchdog.Benchmarks.Tenants;

/// <summary>
/// Draws a realistic tenant of a given size from a seed: the same (size, seed) gives the same tenant,
/// byte for byte once written, on every machine. Each part is drawn from its own stream of the seed.
/// </summary>
public static class SyntheticTenantGenerator
{
    public const ulong DefaultSeed = 20261122;

    /// <summary>Fixed, not the clock: the snapshot must not depend on when it was generated.</summary>
    public static readonly DateTimeOffset ReferenceTime = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    public static SyntheticTenant Generate(TenantSize size, ulong seed = DefaultSeed)
    {
        var tenantId = SeededRandom.For(seed, "tenant").NewId();
        var population = PopulationBuilder.Build(size, SeededRandom.For(seed, "users"));
        var catalog = Catalog.Build(size, SeededRandom.For(seed, "catalog"));
        var groups = GroupBuilder.Build(size, population, SeededRandom.For(seed, "groups"));
        var roles = RoleBuilder.Build(size, population, groups, catalog, ReferenceTime, SeededRandom.For(seed, "roles"));

        var policyRandom = SeededRandom.For(seed, "policies");
        var baseline = BaselinePolicies.Build(population, groups, policyRandom);
        if (baseline.Count > size.Policies)
            throw new InvalidOperationException($"tenant '{size.Name}' asks for {size.Policies} policies; the baseline alone has {baseline.Count}");
        var policies = baseline.Concat(VariedPolicies.Build(size.Policies - baseline.Count, population, groups, catalog, policyRandom)).ToArray();

        var snapshot = new TenantSnapshot(tenantId, population.Users, groups.Groups, catalog.ServicePrincipals, roles.Definitions,
            roles.Assignments, roles.Eligibilities, policies, catalog.NamedLocations, catalog.CustomStrengths);
        var config = new WatchdogConfig(
            WatchedPolicyIds: baseline.Take(BaselinePolicies.WatchedCount).Select(p => p.Id).ToArray(),
            // Every privileged role, not only the recommended ones: the widest admin universe, the most work.
            PrivilegedRoles: PrivilegedRoleSelection.AllPrivileged,
            // One by id and one by UPN, as people write them.
            BreakGlassAccounts: [population.BreakGlass[0].Id, population.BreakGlass[1].UserPrincipalName!],
            ServiceAccounts: new ServiceAccountSettings(groups.ServiceAccountExclusion.Id,
                [Population.ServiceAccountPattern], [Population.ServiceAccountEmployeeType], population.ServiceAccountIdsMatchedById),
            Remediation: new RemediationSettings(RuleMode.Alert,
                new Dictionary<string, RuleMode> { ["service-account-not-excluded"] = RuleMode.Remediate, ["policy-not-enabled"] = RuleMode.Remediate },
                MaxActionsPerRun: 5));
        return new SyntheticTenant(size, seed, ReferenceTime, snapshot, config);
    }
}
