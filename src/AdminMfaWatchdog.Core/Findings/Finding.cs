namespace AdminMfaWatchdog.Core.Findings;

public enum Severity { Low, Medium, High, Critical }

public enum SubjectType { User, Group, Policy }

/// <summary>One fact a rule found. Its <see cref="Fingerprint"/> identifies the fact across scans.</summary>
public sealed record Finding(
    string RuleId,
    Severity Severity,
    SubjectType SubjectType,
    string SubjectId,
    string SubjectName,
    string? PolicyId,
    string Summary,
    IReadOnlyList<string> Reasons,
    string Fingerprint);
