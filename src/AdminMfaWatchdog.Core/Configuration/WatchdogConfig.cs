namespace AdminMfaWatchdog.Core.Configuration;

/// <summary>The configuration contract of DESIGN.md "Configuration", validated by <see cref="ConfigJson"/>.</summary>
public sealed record WatchdogConfig(
    IReadOnlyList<string> WatchedPolicyIds,
    PrivilegedRoleSelection PrivilegedRoles,
    IReadOnlyList<string> BreakGlassAccounts,
    ServiceAccountSettings? ServiceAccounts,
    RemediationSettings Remediation)
{
    /// <summary>Where the configuration came from (a file name or a settings section), for error messages.</summary>
    public string Source { get; init; } = "configuration";

    public static WatchdogConfig Default { get; } = new(
        [], PrivilegedRoleSelection.Recommended, [], null, RemediationSettings.AlertOnly);
}

public enum PrivilegedRoleMode { Recommended, AllPrivileged, Explicit }

public sealed record PrivilegedRoleSelection(PrivilegedRoleMode Mode, IReadOnlyList<string> TemplateIds)
{
    public static PrivilegedRoleSelection Recommended { get; } = new(PrivilegedRoleMode.Recommended, []);
    public static PrivilegedRoleSelection AllPrivileged { get; } = new(PrivilegedRoleMode.AllPrivileged, []);
}

public sealed record ServiceAccountSettings(
    string ExclusionGroupId,
    IReadOnlyList<string> UserPrincipalNamePatterns,
    IReadOnlyList<string> EmployeeTypes,
    IReadOnlyList<string> Ids);

public enum RuleMode { Alert, Remediate, Off }

public sealed record RemediationSettings(
    RuleMode DefaultMode,
    IReadOnlyDictionary<string, RuleMode> Rules,
    int MaxActionsPerRun)
{
    public static RemediationSettings AlertOnly { get; } = new(RuleMode.Alert, new Dictionary<string, RuleMode>(), 5);

    public RuleMode ModeFor(string ruleId) => Rules.TryGetValue(ruleId, out var mode) ? mode : DefaultMode;
}
