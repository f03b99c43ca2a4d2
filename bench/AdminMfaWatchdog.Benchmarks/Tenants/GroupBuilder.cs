using AdminMfaWatchdog.Core.Directory;

namespace AdminMfaWatchdog.Benchmarks.Tenants;

/// <summary>
/// Draws the groups: department groups (dynamic, by department) nested under regions and "All Staff";
/// role-assignable groups of admin accounts; groups that policies target, some holding admins and
/// nested teams; thousands of teams with a long-tailed size (most a handful of people, a few hundreds),
/// some nested, some in nesting cycles; and the service-account exclusion group — most service
/// accounts directly, a few through a nested group, some missing, and a few people who do not belong.
/// </summary>
internal static class GroupBuilder
{
    private static readonly string[] RegionNames = ["Region EMEA", "Region Americas", "Region APAC", "Region Global Functions"];
    private static readonly int FixedGroups = 3 + RegionNames.Length + 1; // exclusion, its nested legacy group, travel exclusion; regions; All Staff

    private static readonly string[] DepartmentNames =
    [
        "Sales", "Marketing", "Finance", "Legal", "Engineering", "Research", "Operations", "Support", "Human Resources",
        "Procurement", "Logistics", "Manufacturing", "Quality", "Facilities", "Security", "IT", "Data", "Design", "Product",
        "Communications",
    ];

    private static readonly string[] PolicyTargetPurposes =
    [
        "Pilot-PhishingResistant", "Finance-Users", "Frontline-Workers", "Developers", "Contractors", "Executives",
        "Travelers", "Kiosk-Users", "Partners", "Privileged-Workstations", "Mobile-Only", "Legacy-Apps",
    ];

    private static readonly string[] TeamTopics =
        ["Project", "Team", "Squad", "Committee", "Guild", "Workstream", "Program", "Council", "Office", "Crew"];

    public static GroupLayout Build(TenantSize size, Population population, SeededRandom random)
    {
        var teamCount = size.Groups - FixedGroups - size.RoleAssignableGroups - size.Departments - size.PolicyTargetGroups;
        if (teamCount < 10) throw new InvalidOperationException($"tenant '{size.Name}' leaves {teamCount} groups for teams; raise Groups");

        var departments = Departments(population, random);
        var regions = Regions(departments, random);
        var allStaff = new GroupDraft(random.NewId(), "All Staff", GroupKind.Security);
        foreach (var region in regions) allStaff.Add(region);

        var roleAssignable = RoleAssignable(size, population, random);
        var teams = Teams(teamCount, population, random);
        var policyTargets = PolicyTargets(size, population, departments, teams, random);
        var (exclusion, legacy) = ServiceAccountExclusion(population, teams, random);
        var travel = new GroupDraft(random.NewId(), "CA-Exclude-MFA-Travel", GroupKind.Security);
        foreach (var person in random.Sample(population.People, 15)) travel.Add(person);
        foreach (var admin in random.Sample(population.AdminAccounts, 3)) travel.Add(admin);

        GroupDraft[] all = [exclusion, legacy, travel, .. regions, allStaff, .. departments, .. roleAssignable, .. policyTargets, .. teams];
        var built = all.ToDictionary(g => g.Id, g => g.Build());
        return new GroupLayout(
            all.Select(g => built[g.Id]).ToArray(),
            built[exclusion.Id],
            built[travel.Id],
            roleAssignable.Select(g => built[g.Id]).ToArray(),
            departments.Select(g => built[g.Id]).ToArray(),
            policyTargets.Select(g => built[g.Id]).ToArray(),
            teams.Select(g => built[g.Id]).ToArray());
    }

    private static GroupDraft[] Departments(Population population, SeededRandom random) =>
        population.PeopleByDepartment.Select((people, d) =>
        {
            var name = d < DepartmentNames.Length ? DepartmentNames[d] : $"{DepartmentNames[d % DepartmentNames.Length]} {d / DepartmentNames.Length + 1}";
            var group = new GroupDraft(random.NewId(), $"Dept {name}", GroupKind.Dynamic, $"user.department -eq \"{name}\"");
            foreach (var person in people) group.Add(person);
            return group;
        }).ToArray();

    /// <summary>Each department sits in one region, so a person is in All Staff three levels up.</summary>
    private static GroupDraft[] Regions(GroupDraft[] departments, SeededRandom random)
    {
        var regions = RegionNames.Select(n => new GroupDraft(random.NewId(), n, GroupKind.Security)).ToArray();
        foreach (var department in departments) random.Pick(regions).Add(department);
        return regions;
    }

    private static GroupDraft[] RoleAssignable(TenantSize size, Population population, SeededRandom random) =>
        Enumerable.Range(1, size.RoleAssignableGroups).Select(n =>
        {
            var group = new GroupDraft(random.NewId(), $"PIM-Admins-{n:D2}", GroupKind.RoleAssignable);
            foreach (var admin in random.Sample(population.AdminAccounts, random.Between(3, 7))) group.Add(admin);
            return group;
        }).ToArray();

    private static GroupDraft[] Teams(int count, Population population, SeededRandom random)
    {
        var teams = new GroupDraft[count];
        for (var n = 0; n < count; n++)
        {
            var name = $"{random.Pick(TeamTopics)} {n:D5}";
            teams[n] = random.NextDouble() switch
            {
                < 0.40 => new GroupDraft(random.NewId(), name, GroupKind.Microsoft365),
                < 0.45 => new GroupDraft(random.NewId(), name, GroupKind.Dynamic, $"user.jobTitle -contains \"{name}\""),
                _ => new GroupDraft(random.NewId(), name, GroupKind.Security),
            };
            var members = random.NextDouble() switch
            {
                < 0.75 => random.Between(2, 12),
                < 0.97 => random.Between(12, 50),
                _ => random.Between(50, 400),
            };
            for (var m = 0; m < members; m++) teams[n].Add(random.Pick(population.People));
            if (random.Chance(0.05))
            {
                foreach (var admin in random.Sample(population.AdminAccounts, random.Between(1, 2))) teams[n].Add(admin);
            }
        }

        var nestable = teams.Where(t => t.CanNest).ToArray();
        foreach (var parent in nestable)
        {
            if (!random.Chance(0.08)) continue;
            for (var k = random.Between(1, 3); k > 0; k--)
            {
                var child = random.Pick(teams);
                if (child != parent) parent.Add(child);
            }
        }
        // Nesting cycles are legal in the data Graph returns: a two-group and a three-group cycle.
        var cycle = random.Sample(nestable, 5);
        cycle[0].Add(cycle[1]);
        cycle[1].Add(cycle[0]);
        cycle[2].Add(cycle[3]);
        cycle[3].Add(cycle[4]);
        cycle[4].Add(cycle[2]);
        return teams;
    }

    private static GroupDraft[] PolicyTargets(TenantSize size, Population population, GroupDraft[] departments, GroupDraft[] teams, SeededRandom random)
    {
        var targets = Enumerable.Range(1, size.PolicyTargetGroups).Select(n =>
        {
            var group = new GroupDraft(random.NewId(), $"CA-{PolicyTargetPurposes[(n - 1) % PolicyTargetPurposes.Length]}-{n:D3}", GroupKind.Security);
            foreach (var person in random.Sample(population.People, random.Between(20, 400))) group.Add(person);
            for (var k = random.Between(0, 3); k > 0; k--) group.Add(random.Pick(teams));
            if (random.Chance(0.1)) group.Add(random.Pick(departments));
            if (random.Chance(0.4))
            {
                foreach (var admin in random.Sample(population.AdminAccounts, random.Between(1, 10))) group.Add(admin);
            }
            return group;
        }).ToArray();
        // A policy-targeted group inside a cycle: a team it contains contains it back.
        var looped = random.Pick(teams.Where(t => t.CanNest).ToArray());
        targets[0].Add(looped);
        looped.Add(targets[0]);
        return targets;
    }

    private static (GroupDraft Exclusion, GroupDraft Legacy) ServiceAccountExclusion(Population population, GroupDraft[] teams, SeededRandom random)
    {
        var exclusion = new GroupDraft(random.NewId(), "CA-Exclude-ServiceAccounts", GroupKind.Security);
        var legacy = new GroupDraft(random.NewId(), "CA-Exclude-ServiceAccounts-Legacy", GroupKind.Security);
        exclusion.Add(legacy);
        foreach (var account in population.ServiceAccounts)
        {
            var roll = random.NextDouble();
            if (roll < 0.95) exclusion.Add(account);
            else if (roll < 0.97) legacy.Add(account);
            // the remaining 3% were never added: service-account-not-excluded
        }
        // Accounts that do not belong there: a few people, an admin, and a small team nested by mistake.
        foreach (var person in random.Sample(population.People, 3)) exclusion.Add(person);
        exclusion.Add(random.Pick(population.AdminAccounts));
        exclusion.Add(random.Pick(teams.Where(t => t.Members.Count <= 6).ToArray()));
        return (exclusion, legacy);
    }
}
