using System.Text;
using AdminMfaWatchdog.Benchmarks.Tenants;
using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Core.Directory;

namespace AdminMfaWatchdog.Benchmarks.Commands;

/// <summary>
/// The tenant <c>notify</c> changes: the demo tenant (samples/) or a synthetic one, and the service
/// account it takes out of the exclusion group (one the configuration remediates back).
/// </summary>
internal sealed record NotifyTenant(string Name, string SnapshotJson, WatchdogConfig Config, int Users, string ExclusionGroupId, string ServiceAccountId)
{
    public const string Demo = "demo";

    public static async Task<NotifyTenant> LoadAsync(string name, ulong seed)
    {
        if (name == Demo)
        {
            WatchdogConfig config;
            await using (var file = File.OpenRead(Sample("demo-config.json"))) config = ConfigJson.Read(file, "demo-config.json");
            var json = await File.ReadAllTextAsync(Sample("demo-tenant.json"));
            var snapshot = Core.Directory.SnapshotJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "demo-tenant.json");
            return Of(name, json, snapshot, config);
        }

        var size = TenantSize.Find(name)
            ?? throw new UsageException($"unknown tenant '{name}' (expected {Demo} or one of: {string.Join(", ", TenantSize.All.Select(s => s.Name))})");
        var tenant = SyntheticTenantGenerator.Generate(size, seed);
        using var buffer = new MemoryStream();
        SnapshotJsonWriter.Write(tenant.Snapshot, buffer);
        return Of(name, Encoding.UTF8.GetString(buffer.ToArray()), tenant.Snapshot, tenant.Config);
    }

    private static NotifyTenant Of(string name, string json, TenantSnapshot snapshot, WatchdogConfig config)
    {
        var settings = config.ServiceAccounts ?? throw new InvalidOperationException($"the {name} tenant's configuration has no exclusion group");
        if (config.Remediation.ModeFor("service-account-not-excluded") != RuleMode.Remediate)
            throw new InvalidOperationException($"the {name} tenant's configuration does not remediate service-account-not-excluded: each change would leave the account out");
        var group = snapshot.Groups.Single(g => g.Id == settings.ExclusionGroupId);
        var users = snapshot.Users.ToDictionary(u => u.Id);
        // A service account by its name, as people usually mark them, directly in the group.
        var account = group.Members.Where(m => m.Kind == PrincipalKind.User).Select(m => users[m.Id])
            .FirstOrDefault(u => u.UserPrincipalName?.StartsWith("svc-", StringComparison.OrdinalIgnoreCase) == true)
            ?? throw new InvalidOperationException($"the {name} tenant's exclusion group has no svc-* account to take out");
        return new NotifyTenant(name, json, config, snapshot.Users.Count, group.Id, account.Id);
    }

    private static string Sample(string file) => Path.Combine(AppContext.BaseDirectory, "samples", file);
}
