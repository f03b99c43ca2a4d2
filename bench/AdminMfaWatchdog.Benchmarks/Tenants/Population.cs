using AdminMfaWatchdog.Core.Directory;

namespace AdminMfaWatchdog.Benchmarks.Tenants;

/// <summary>The tenant's user accounts, sorted by what each kind of account is for.</summary>
internal sealed record Population(
    IReadOnlyList<DirectoryUser> Users,
    IReadOnlyList<DirectoryUser> People,
    IReadOnlyList<IReadOnlyList<DirectoryUser>> PeopleByDepartment,
    IReadOnlyList<DirectoryUser> AdminAccounts,
    IReadOnlyList<DirectoryUser> ServiceAccounts,
    IReadOnlyList<string> ServiceAccountIdsMatchedById,
    IReadOnlyList<DirectoryUser> BreakGlass)
{
    public const string Domain = "contoso.example";
    public const string InitialDomain = "contoso.onmicrosoft.com";
    public const string ServiceAccountEmployeeType = "ServiceAccount";
    public const string ServiceAccountPattern = "svc-*@*";
}
