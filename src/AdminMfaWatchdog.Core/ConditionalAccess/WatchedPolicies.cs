using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Core.Directory;

namespace AdminMfaWatchdog.Core.ConditionalAccess;

/// <summary>A policy the watchdog guards; <see cref="Policy"/> is null when a configured id no longer exists.</summary>
public sealed record WatchedPolicy(string Id, ConditionalAccessPolicy? Policy);

/// <summary>
/// The configured watch list, or when it is empty every policy that offers MFA and targets admin
/// roles or All users, whatever its state (DESIGN.md "Configuration").
/// </summary>
public static class WatchedPolicies
{
    public static IReadOnlyList<WatchedPolicy> Resolve(WatchdogConfig config, TenantDirectory directory, IReadOnlySet<string> privilegedTemplateIds)
    {
        var policies = directory.Snapshot.ConditionalAccessPolicies;
        if (config.WatchedPolicyIds.Count > 0)
        {
            return config.WatchedPolicyIds
                .Select(id => new WatchedPolicy(id, policies.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase))))
                .ToArray();
        }
        return policies
            .Where(p => GrantStrength.Evaluate(p.Grant, directory).OffersMfa
                && (p.Users.IncludeUsers.Contains("All", StringComparer.OrdinalIgnoreCase)
                    || p.Users.IncludeRoles.Any(privilegedTemplateIds.Contains)))
            .Select(p => new WatchedPolicy(p.Id, p))
            .ToArray();
    }
}
