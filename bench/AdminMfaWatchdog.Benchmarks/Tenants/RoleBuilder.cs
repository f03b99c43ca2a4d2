using AdminMfaWatchdog.Core.Directory;

namespace AdminMfaWatchdog.Benchmarks.Tenants;

internal sealed record RoleLayout(
    IReadOnlyList<RoleDefinition> Definitions,
    IReadOnlyList<RoleAssignment> Assignments,
    IReadOnlyList<RoleEligibility> Eligibilities);

/// <summary>
/// Hands out roles the way large tenants do: exactly the requested active privileged assignments
/// (some through role-assignable groups, some scoped to an administrative unit, a few to custom
/// roles, service principals, service accounts, guests and disabled accounts), reader roles that make
/// nobody an admin, and PIM eligibilities — mostly to admins for a role they do not hold, some to
/// accounts that are admins only by eligibility. Every eligibility is current from the reference time
/// until at least a year later, so a snapshot can also be scanned by the clock for a while.
/// </summary>
internal static class RoleBuilder
{
    private const double AdminUnitScopedShare = 0.10;

    public static RoleLayout Build(TenantSize size, Population population, GroupLayout groups, Catalog catalog, DateTimeOffset referenceTime, SeededRandom random)
    {
        var custom = new[] { "Contoso Tier-1 Support", "Contoso Mailbox Operator" }.Select(name =>
        {
            var id = random.NewId();
            return new RoleSpec(id, name, true, 1, false);
        }).ToArray();
        RoleSpec[] privileged = [.. BuiltInRoles.Recommended, .. BuiltInRoles.OtherPrivileged, .. custom];
        var definitions = BuiltInRoles.Recommended.Concat(BuiltInRoles.OtherPrivileged).Concat(BuiltInRoles.Readers)
            .Select(r => new RoleDefinition(r.TemplateId, r.TemplateId, r.Name, IsBuiltIn: true, r.IsPrivileged))
            .Concat(custom.Select(r => new RoleDefinition(r.TemplateId, r.TemplateId, r.Name, IsBuiltIn: false, IsPrivileged: true)))
            .ToArray();

        var grants = new Grants(catalog, random);
        var activePool = population.AdminAccounts.Take(population.AdminAccounts.Count * 4 / 5).ToArray();
        var eligibleOnlyPool = population.AdminAccounts.Skip(activePool.Length).ToArray();

        var assignments = new List<RoleAssignment>();
        for (var n = 0; n < size.AssignmentsThroughRoleAssignableGroups; n++)
            assignments.Add(grants.Active(groups.RoleAssignable[n % groups.RoleAssignable.Count].Id, BuiltInRoles.Recommended));

        var direct = size.ActivePrivilegedAssignments - size.AssignmentsThroughRoleAssignableGroups;
        var enabledPeople = population.People.Where(p => p.AccountEnabled && p.UserType == "Member").ToArray();
        var unusualHolders = new List<string>();
        unusualHolders.AddRange(random.Sample(catalog.ServicePrincipals, Math.Max(1, direct / 100)).Select(sp => sp.Id));
        unusualHolders.AddRange(random.Sample(population.ServiceAccounts, Math.Max(1, direct / 200)).Select(u => u.Id));
        unusualHolders.AddRange(random.Sample(population.People.Where(p => p.UserType == "Guest").ToArray(), Math.Max(1, direct / 200)).Select(u => u.Id));
        unusualHolders.AddRange(random.Sample(population.People.Where(p => !p.AccountEnabled).ToArray(), Math.Max(1, direct / 200)).Select(u => u.Id));
        unusualHolders.AddRange(random.Sample(enabledPeople, Math.Max(1, direct / 25)).Select(u => u.Id));

        foreach (var account in population.BreakGlass)
            assignments.Add(grants.Active(account.Id, BuiltInRoles.GlobalAdministrator));
        foreach (var holder in unusualHolders)
            assignments.Add(grants.Active(holder, privileged));
        // Every account of the active pool gets a role; the rest go to accounts that already hold one.
        for (var n = 0; assignments.Count < size.ActivePrivilegedAssignments; n++)
        {
            var holder = n < activePool.Length ? activePool[n] : random.Pick(activePool);
            assignments.Add(grants.Active(holder.Id, privileged));
        }

        var readers = size.ActivePrivilegedAssignments * 15 / 100;
        for (var n = 0; n < readers; n++)
            assignments.Add(grants.Active(random.Pick(random.Chance(0.5) ? population.AdminAccounts : enabledPeople).Id, BuiltInRoles.Readers));

        // PIM is used most for the roles that matter most.
        var eligibleRoles = privileged.Select(r => r.TemplateId is BuiltInRoles.GlobalAdministrator or BuiltInRoles.PrivilegedRoleAdministrator
            ? r with { Weight = 10 } : r).ToArray();
        var eligibilities = new List<RoleEligibility>();
        var toGroups = Math.Max(1, size.EligibleAssignments / 50);
        for (var n = 0; n < size.EligibleAssignments; n++)
        {
            var holder = n < toGroups ? random.Pick(groups.RoleAssignable).Id
                : random.Chance(0.6) ? random.Pick(activePool).Id
                : random.Pick(eligibleOnlyPool).Id;
            eligibilities.Add(grants.Eligible(holder, eligibleRoles, referenceTime));
        }

        return new RoleLayout(definitions, assignments, eligibilities);
    }

    /// <summary>Draws role grants, never the same (principal, role, scope) twice.</summary>
    private sealed class Grants(Catalog catalog, SeededRandom random)
    {
        private readonly HashSet<(string, string, string)> _given = [];

        public RoleAssignment Active(string principalId, string templateId) =>
            Draw(principalId, [new RoleSpec(templateId, "", true, 1, false)], (role, scope) => new RoleAssignment(principalId, role, scope));

        public RoleAssignment Active(string principalId, IReadOnlyList<RoleSpec> roles) =>
            Draw(principalId, roles, (role, scope) => new RoleAssignment(principalId, role, scope));

        public RoleEligibility Eligible(string principalId, IReadOnlyList<RoleSpec> roles, DateTimeOffset referenceTime) =>
            Draw(principalId, roles, (role, scope) => new RoleEligibility(principalId, role, scope,
                referenceTime.AddDays(-random.Between(1, 400)),
                random.Chance(0.5) ? null : referenceTime.AddDays(random.Between(365, 3 * 365))));

        private T Draw<T>(string principalId, IReadOnlyList<RoleSpec> roles, Func<string, string, T> create)
        {
            var weights = roles.Select(r => r.Weight).ToArray();
            // Rerolls skip what the principal already has; a principal holding every role would loop, so give up loudly.
            for (var attempt = 0; attempt < 1_000; attempt++)
            {
                var role = roles[random.Weighted(weights)];
                var scope = role.AdminUnitScopable && random.Chance(AdminUnitScopedShare) ? random.Pick(catalog.AdministrativeUnitScopes) : "/";
                if (_given.Add((principalId, role.TemplateId, scope))) return create(role.TemplateId, scope);
            }
            throw new InvalidOperationException($"no role left to give to {principalId}");
        }
    }
}
