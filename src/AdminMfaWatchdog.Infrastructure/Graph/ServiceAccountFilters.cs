namespace AdminMfaWatchdog.Infrastructure.Graph;

/// <summary>An OData filter on users; advanced ones need ConsistencyLevel: eventual and $count.</summary>
internal sealed record UserFilter(string Expression, bool IsAdvanced);

/// <summary>
/// Turns the configured service-account criteria into server-side filters, so candidates are found
/// without listing every user. A filter may return more than the pattern matches (it uses only the
/// pattern's literal prefix or suffix); the engine applies the exact, case-insensitive glob.
/// </summary>
internal static class ServiceAccountFilters
{
    private static readonly char[] Wildcards = ['*', '?'];

    public static UserFilter ForPattern(string pattern)
    {
        var prefix = pattern[..(pattern.IndexOfAny(Wildcards) is var first and >= 0 ? first : pattern.Length)];
        if (prefix.Length > 0 && prefix.Length == pattern.Length)
            return new($"userPrincipalName eq '{GraphDirectoryReader.Literal(pattern)}'", false);
        if (prefix.Length > 0)
            return new($"startswith(userPrincipalName,'{GraphDirectoryReader.Literal(prefix)}')", false);
        var suffix = pattern[(pattern.LastIndexOfAny(Wildcards) + 1)..];
        // Configuration refuses patterns without any literal part, so a suffix exists here.
        return new($"endswith(userPrincipalName,'{GraphDirectoryReader.Literal(suffix)}')", true);
    }

    public static UserFilter ForEmployeeTypes(IReadOnlyList<string> employeeTypes) =>
        new($"employeeType in ({string.Join(",", employeeTypes.Select(t => $"'{GraphDirectoryReader.Literal(t)}'"))})", true);
}
