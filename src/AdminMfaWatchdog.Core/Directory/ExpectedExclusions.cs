using System.Text.RegularExpressions;
using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Core.Json;

namespace AdminMfaWatchdog.Core.Directory;

/// <summary>
/// The accounts that are meant to be excluded from MFA: configured break-glass accounts and matched
/// service accounts. Everyone else found excluded is unexpected. Matching is case-insensitive.
/// </summary>
public sealed class ExpectedExclusions
{
    private readonly HashSet<string> _breakGlassIds;
    private readonly ServiceAccountSettings? _serviceAccounts;
    private readonly HashSet<string> _serviceAccountIds;
    private readonly HashSet<string> _employeeTypes;
    private readonly (string Pattern, Regex Regex)[] _patterns;

    public ExpectedExclusions(WatchdogConfig config, TenantDirectory directory)
    {
        _breakGlassIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < config.BreakGlassAccounts.Count; i++)
        {
            var account = config.BreakGlassAccounts[i];
            var user = directory.FindUserByIdOrUpn(account)
                ?? throw new InvalidInputException(config.Source, $"$.breakGlassAccounts[{i}]",
                    $"break-glass account '{account}' does not exist in tenant {directory.TenantId}");
            _breakGlassIds.Add(user.Id);
        }
        _serviceAccounts = config.ServiceAccounts;
        if (_serviceAccounts is { } s && directory.FindGroup(s.ExclusionGroupId) is null)
            throw new InvalidInputException(config.Source, "$.serviceAccounts.exclusionGroupId",
                $"group '{s.ExclusionGroupId}' does not exist in tenant {directory.TenantId}");
        _patterns = _serviceAccounts?.UserPrincipalNamePatterns.Select(p => (p, Glob(p))).ToArray() ?? [];
        _serviceAccountIds = new HashSet<string>(_serviceAccounts?.Ids ?? [], StringComparer.OrdinalIgnoreCase);
        _employeeTypes = new HashSet<string>(_serviceAccounts?.EmployeeTypes ?? [], StringComparer.OrdinalIgnoreCase);
    }

    public string? ExclusionGroupId => _serviceAccounts?.ExclusionGroupId;

    public IReadOnlySet<string> BreakGlassIds => _breakGlassIds;

    public bool IsBreakGlass(DirectoryUser user) => _breakGlassIds.Contains(user.Id);

    /// <summary>Why the user is a service account (which criterion matched), or null.</summary>
    public string? ServiceAccountMatch(DirectoryUser user)
    {
        if (_serviceAccounts is null) return null;
        if (_serviceAccountIds.Contains(user.Id)) return "listed in serviceAccounts.ids";
        if (user.EmployeeType is { } type && _employeeTypes.Contains(type)) return $"employeeType '{type}'";
        if (user.UserPrincipalName is { } upn && _patterns.FirstOrDefault(p => p.Regex.IsMatch(upn)) is { Pattern: { } pattern })
            return $"userPrincipalName matches '{pattern}'";
        return null;
    }

    /// <summary>Why the account is an expected exclusion, or null when it is not one.</summary>
    public string? Describe(DirectoryUser user) =>
        IsBreakGlass(user) ? "break-glass account (configured)"
        : ServiceAccountMatch(user) is { } match ? $"service account ({match})"
        : null;

    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".") + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));
}
