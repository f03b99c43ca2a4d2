using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Findings;

namespace AdminMfaWatchdog.Core.Alerts;

/// <summary>
/// One line of an alert. Everything but <see cref="Link"/> comes from the tenant or the rules and is plain
/// text: channels must escape it for their format.
/// </summary>
/// <param name="RuleId">null only for <see cref="AlertKind.ScanIncomplete"/>.</param>
/// <param name="Subject">the user, group or policy concerned; null when there is none (an incomplete scan).</param>
/// <param name="Reasons">the first reasons of the finding (at most <see cref="AlertBatchBuilder.MaxReasonsPerItem"/>).</param>
/// <param name="Action">the remediation action of this run for the subject, if any.</param>
/// <param name="Link">the subject in the Entra admin center; null when there is no subject.</param>
public sealed record AlertItem(
    AlertKind Kind,
    Severity Severity,
    string? RuleId,
    string? RuleTitle,
    AlertSubject? Subject,
    string Summary,
    IReadOnlyList<string> Reasons,
    AlertAction? Action,
    string? Link);

public sealed record AlertSubject(SubjectType Type, string Id, string Name);

public sealed record AlertAction(string Kind, ActionStatus Status, string Detail);
