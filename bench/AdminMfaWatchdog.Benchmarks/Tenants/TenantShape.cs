using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Core.Directory;

namespace AdminMfaWatchdog.Benchmarks.Tenants;

/// <summary>
/// The counts that define a tenant's size, measured on the snapshot the way the engine sees it (the
/// configuration decides who is a service account; eligibilities count when current). <see cref="Admins"/>
/// is the resulting admin universe: reported, not part of the size contract.
/// </summary>
public sealed record TenantShape(
    int Users,
    int Groups,
    int ActivePrivilegedAssignments,
    int AssignmentsThroughRoleAssignableGroups,
    int EligibleAssignments,
    int Policies,
    int ServiceAccounts,
    int NamedLocations,
    int Admins)
{
    public static TenantShape Measure(TenantSnapshot snapshot, WatchdogConfig config, DateTimeOffset now)
    {
        var directory = new TenantDirectory(snapshot);
        var privileged = snapshot.RoleDefinitions.Where(r => r.IsPrivileged).Select(r => r.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var activePrivileged = snapshot.RoleAssignments.Where(a => privileged.Contains(a.RoleDefinitionId)).ToArray();
        var expected = new ExpectedExclusions(config, directory);
        return new TenantShape(
            snapshot.Users.Count,
            snapshot.Groups.Count,
            activePrivileged.Length,
            activePrivileged.Count(a => directory.FindGroup(a.PrincipalId) is { IsAssignableToRole: true }),
            snapshot.RoleEligibilitySchedules.Count(e => e.IsCurrent(now)),
            snapshot.ConditionalAccessPolicies.Count,
            snapshot.Users.Count(u => expected.ServiceAccountMatch(u) is not null),
            snapshot.NamedLocations.Count,
            AdminUniverse.Find(directory, PrivilegedRoles.TemplateIds(config.PrivilegedRoles, directory), now).Count);
    }

    /// <summary>Fails loudly, naming every count that is not what the size asks for.</summary>
    /// <exception cref="InvalidOperationException">a count differs, or an id is used twice.</exception>
    public static TenantShape Verify(SyntheticTenant tenant)
    {
        var snapshot = tenant.Snapshot;
        var shape = Measure(snapshot, tenant.Config, tenant.ReferenceTime);
        var size = tenant.Size;
        var problems = new List<string>();
        void Expect(string what, int actual, int wanted)
        {
            if (actual != wanted) problems.Add($"{what}: {actual}, expected {wanted}");
        }
        Expect("users", shape.Users, size.Users);
        Expect("groups", shape.Groups, size.Groups);
        Expect("active privileged assignments", shape.ActivePrivilegedAssignments, size.ActivePrivilegedAssignments);
        Expect("of which through role-assignable groups", shape.AssignmentsThroughRoleAssignableGroups, size.AssignmentsThroughRoleAssignableGroups);
        Expect("current PIM eligibilities", shape.EligibleAssignments, size.EligibleAssignments);
        Expect("PIM eligibilities in total", snapshot.RoleEligibilitySchedules.Count, size.EligibleAssignments);
        Expect("conditional access policies", shape.Policies, size.Policies);
        Expect("service accounts", shape.ServiceAccounts, size.ServiceAccounts);
        Expect("named locations", shape.NamedLocations, size.NamedLocations);

        var objectIds = snapshot.Users.Select(u => u.Id).Concat(snapshot.Groups.Select(g => g.Id)).Concat(snapshot.ServicePrincipals.Select(s => s.Id));
        Expect("duplicate object ids", objectIds.GroupBy(id => id, StringComparer.OrdinalIgnoreCase).Count(g => g.Count() > 1), 0);
        Expect("duplicate policy ids", snapshot.ConditionalAccessPolicies.GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase).Count(g => g.Count() > 1), 0);

        return problems.Count == 0
            ? shape
            : throw new InvalidOperationException(
                $"generated tenant '{size.Name}' (seed {tenant.Seed}) does not have the requested shape: {string.Join("; ", problems)}");
    }
}
