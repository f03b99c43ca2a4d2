using AdminMfaWatchdog.Core.ConditionalAccess;
using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Core.Directory;
using AdminMfaWatchdog.Core.Tests.Kit;

namespace AdminMfaWatchdog.Infrastructure.Tests.Remediation;

/// <summary>
/// A tenant with one finding of each remediable rule, every fix allowed by the guardrails:
/// exchange is an admin whom CA001 misses (its includeRoles lacks Exchange Administrator); svc-backup
/// is outside the exclusion group; clerk is in it without being a service account; CA002 is disabled;
/// CA003 does not exclude the group; CA004 is deleted (<see cref="DeletedPolicyId"/>, deleted once the
/// simulator runs). The break-glass account bg01 is excluded from every policy.
/// </summary>
internal sealed class RemediationTenants
{
    public const string DeletedPolicyId = "cafe0000-0000-4000-8000-0000000000d4";

    public static readonly string[] RemediableRules =
    [
        "admin-not-covered", "service-account-not-excluded", "unexpected-exclusion",
        "exclusion-group-not-excluded", "policy-not-enabled", "policy-missing",
    ];

    public RemediationTenants()
    {
        var t = new TenantBuilder();
        BreakGlass = t.User("bg01");
        var ga = t.User("ga");
        Exchange = t.User("exchange");
        ServiceAccount = t.User("svc-backup");
        Clerk = t.User("clerk");
        t.Assign(ga, Roles.GlobalAdministrator);
        t.Assign(Exchange, Roles.ExchangeAdministrator);
        ExclusionGroup = t.Group("CA-Exclude", Clerk);
        var policies = new[]
        {
            Policies.RequireMfa("CA001", Roles.GlobalAdministrator).ExcludeGroups(ExclusionGroup.Id),
            Policies.ForAllUsers("CA002").ExcludeGroups(ExclusionGroup.Id).WithState(PolicyState.Disabled),
            Policies.RequireMfa("CA003", Roles.GlobalAdministrator),
            Policies.RequireMfa("CA004", Roles.GlobalAdministrator).ExcludeGroups(ExclusionGroup.Id) with { Id = DeletedPolicyId },
        }.Select(p => t.Policy(p.ExcludeUsers(BreakGlass.Id))).ToArray();
        Policy = policies.ToDictionary(p => p.DisplayName!, p => p.Id);
        Snapshot = t.Build();
        Config = Configs.WithServiceAccounts(ExclusionGroup.Id) with
        {
            WatchedPolicyIds = policies.Select(p => p.Id).ToArray(),
            BreakGlassAccounts = [BreakGlass.Id],
        };
    }

    public DirectoryUser BreakGlass { get; }
    public DirectoryUser Exchange { get; }
    public DirectoryUser ServiceAccount { get; }
    public DirectoryUser Clerk { get; }
    public DirectoryGroup ExclusionGroup { get; }
    public IReadOnlyDictionary<string, string> Policy { get; }
    public TenantSnapshot Snapshot { get; }
    public WatchdogConfig Config { get; }

    /// <summary><see cref="Config"/> with the given rules set to remediate.</summary>
    public WatchdogConfig Remediating(IEnumerable<string> rules, int maxActionsPerRun = 20) => Config with
    {
        Remediation = new RemediationSettings(RuleMode.Alert, rules.ToDictionary(r => r, _ => RuleMode.Remediate), maxActionsPerRun),
    };

    /// <summary>Starts the simulator on the tenant, deletes CA004 (soft: it stays restorable), and zeroes the counters.</summary>
    public async Task<LiveRemediation> StartAsync(WatchdogConfig config)
    {
        var live = await LiveRemediation.StartAsync(Snapshot, config);
        using var deleted = await live.Live.Simulator.Client.DeleteAsync($"identity/conditionalAccess/policies/{DeletedPolicyId}");
        deleted.EnsureSuccessStatusCode();
        live.Live.Simulator.Stats.Reset();
        return live;
    }
}
