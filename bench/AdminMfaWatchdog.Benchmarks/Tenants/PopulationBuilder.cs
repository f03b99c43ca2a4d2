using AdminMfaWatchdog.Core.Directory;

namespace AdminMfaWatchdog.Benchmarks.Tenants;

/// <summary>
/// Draws the users: two break-glass accounts; service accounts matched in each way the configuration
/// allows (UPN pattern and employeeType, pattern only, employeeType only, listed ids); dedicated admin
/// accounts ("adm-"); and people, with the guests, external members and disabled accounts of a real
/// directory. Account kinds never overlap, so the service-account count is exact.
/// </summary>
internal static class PopulationBuilder
{
    private static readonly string[] FirstNames =
    [
        "ada", "alan", "amir", "anna", "ben", "carla", "chen", "dana", "diego", "elena", "emma", "farid", "grace", "hana",
        "ivan", "jonas", "julia", "kai", "lena", "liam", "lucia", "maria", "mei", "nadia", "noah", "olga", "omar", "paul",
        "priya", "rosa", "sam", "sara", "tariq", "tom", "uma", "victor", "wei", "yara", "yusuf", "zoe",
    ];

    private static readonly string[] LastNames =
    [
        "adams", "baker", "costa", "dubois", "evans", "fischer", "garcia", "haddad", "ito", "jensen", "kim", "larsen",
        "martin", "nakamura", "novak", "okafor", "patel", "quinn", "rossi", "schmidt", "silva", "tanaka", "usman",
        "varga", "wagner", "weber", "xu", "yamada", "young", "zhang",
    ];

    private static readonly string[] ServiceNames =
        ["backup", "sql", "scanner", "crm", "erp", "print", "hr-sync", "etl", "monitoring", "sftp", "build", "reporting"];

    public static Population Build(TenantSize size, SeededRandom random)
    {
        var users = new List<DirectoryUser>(size.Users);
        var breakGlass = Enumerable.Range(1, 2).Select(n => new DirectoryUser(random.NewId(), $"Emergency Access {n:D2}",
            $"breakglass-{n:D2}@{Population.InitialDomain}", "Member", true, null)).ToArray();
        users.AddRange(breakGlass);

        var (serviceAccounts, matchedById) = ServiceAccounts(size.ServiceAccounts, random);
        users.AddRange(serviceAccounts);

        var adminAccounts = Enumerable.Range(0, AdminAccountCount(size)).Select(n =>
        {
            var (first, last) = Name(random);
            return new DirectoryUser(random.NewId(), $"{Title(first)} {Title(last)} (admin)",
                $"adm-{first}.{last}{n}@{Population.Domain}", "Member", !random.Chance(0.01), "Employee");
        }).ToArray();
        users.AddRange(adminAccounts);

        var peopleCount = size.Users - users.Count;
        if (peopleCount <= 0) throw new InvalidOperationException($"tenant '{size.Name}' has no room for people: {size.Users} users");
        var departmentWeights = Enumerable.Range(0, size.Departments).Select(d => 1 / Math.Sqrt(d + 1)).ToArray();
        var byDepartment = Enumerable.Range(0, size.Departments).Select(_ => new List<DirectoryUser>()).ToArray();
        var people = new List<DirectoryUser>(peopleCount);
        for (var n = 0; n < peopleCount; n++)
        {
            var person = Person(n, random);
            people.Add(person);
            if (person.UserType == "Member" && person.EmployeeType is not null) byDepartment[random.Weighted(departmentWeights)].Add(person);
        }
        users.AddRange(people);

        return new Population(users, people, byDepartment, adminAccounts, serviceAccounts, matchedById, breakGlass);
    }

    /// <summary>Enough dedicated admin accounts for the active and eligible assignments, with room for people holding roles too.</summary>
    public static int AdminAccountCount(TenantSize size) =>
        (int)Math.Round(size.ActivePrivilegedAssignments * 1.0 + size.EligibleAssignments * 0.3);

    private static (DirectoryUser[] Accounts, string[] MatchedById) ServiceAccounts(int count, SeededRandom random)
    {
        // 70% match on both UPN and employeeType, 20% on the UPN pattern only, 8% on employeeType only,
        // 2% on neither: the configuration lists those by id.
        var accounts = new DirectoryUser[count];
        var matchedById = new List<string>();
        for (var n = 0; n < count; n++)
        {
            var service = random.Pick(ServiceNames);
            var share = (double)n / count;
            var enabled = !random.Chance(0.01);
            accounts[n] = share switch
            {
                < 0.70 => new(random.NewId(), $"svc {service} {n}", $"svc-{service}-{n}@{Population.Domain}", "Member", enabled, Population.ServiceAccountEmployeeType),
                < 0.90 => new(random.NewId(), $"svc {service} {n}", $"svc-{service}-{n}@{Population.Domain}", "Member", enabled, null),
                < 0.98 => new(random.NewId(), $"App {service} {n}", $"app-{service}-{n}@{Population.Domain}", "Member", enabled, Population.ServiceAccountEmployeeType),
                _ => new(random.NewId(), $"Integration {service} {n}", $"integration-{service}-{n}@{Population.Domain}", "Member", enabled, null),
            };
            if (share >= 0.98) matchedById.Add(accounts[n].Id);
        }
        return (accounts, matchedById.ToArray());
    }

    private static DirectoryUser Person(int n, SeededRandom random)
    {
        var (first, last) = Name(random);
        var displayName = $"{Title(first)} {Title(last)}";
        var enabled = !random.Chance(0.03);
        var kind = random.NextDouble();
        if (kind < 0.04)
            return new(random.NewId(), displayName, $"{first}.{last}{n}_partner{n % 37}.example#EXT#@{Population.InitialDomain}", "Guest", enabled, null);
        if (kind < 0.045)
            return new(random.NewId(), displayName, $"{first}.{last}{n}_partner{n % 37}.example#EXT#@{Population.InitialDomain}", "Member", enabled, null);
        var employeeType = random.NextDouble() switch
        {
            < 0.85 => "Employee",
            < 0.97 => "Contractor",
            _ => null,
        };
        return new(random.NewId(), displayName, $"{first}.{last}{n}@{Population.Domain}", "Member", enabled, employeeType);
    }

    private static (string First, string Last) Name(SeededRandom random) => (random.Pick(FirstNames), random.Pick(LastNames));

    private static string Title(string name) => char.ToUpperInvariant(name[0]) + name[1..];
}
