using System.Text;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Findings;

namespace AdminMfaWatchdog.Cli.Rendering;

/// <summary>The report for people at a terminal: admins by verdict with their reasons, then findings by severity.</summary>
internal static class TableRenderer
{
    private static readonly Coverage[] VerdictOrder = [Coverage.NotCovered, Coverage.Partial, Coverage.Covered, Coverage.Exempt, Coverage.Disabled];

    public static string Render(ScanReport report)
    {
        var text = new StringBuilder();
        text.AppendLine($"AdminMfaWatchdog scan of tenant {Terminal.Safe(report.TenantId)}");
        text.AppendLine($"scan {report.ScanId}, {report.StartedAt:yyyy-MM-dd HH:mm:ss}Z, {(report.Complete ? "complete" : "INCOMPLETE: " + Terminal.Safe(report.Error ?? ""))}");
        if (!report.Complete) return text.ToString();

        text.AppendLine();
        text.AppendLine($"ADMINISTRATORS: {report.Admins.Count} ({string.Join(", ", VerdictOrder.Select(v => $"{report.Admins.Count(a => a.Coverage == v)} {Label(v)}"))})");
        foreach (var admin in report.Admins.OrderBy(a => Array.IndexOf(VerdictOrder, a.Coverage)).ThenBy(a => a.UserPrincipalName, StringComparer.OrdinalIgnoreCase))
        {
            text.AppendLine();
            text.AppendLine($"  {Label(admin.Coverage).ToUpperInvariant(),-12} {Terminal.Safe(admin.UserPrincipalName ?? admin.Id)}");
            text.AppendLine($"  {"",-12} {string.Join("; ", admin.Roles.Select(Describe).Distinct())}");
            foreach (var reason in admin.Reasons) text.AppendLine($"  {"",-12} - {Terminal.Safe(reason)}");
        }

        text.AppendLine();
        var severities = Enum.GetValues<Severity>().Reverse().ToArray();
        text.AppendLine($"FINDINGS: {report.Findings.Count} ({string.Join(", ", severities.Select(s => $"{report.Findings.Count(f => f.Severity == s)} {s.ToString().ToLowerInvariant()}"))})");
        foreach (var finding in report.Findings.OrderByDescending(f => f.Severity))
        {
            text.AppendLine();
            text.AppendLine($"  {finding.Severity.ToString().ToUpperInvariant(),-9} {finding.RuleId}  {Terminal.Safe(finding.SubjectName)}");
            text.AppendLine($"  {"",-9} {Terminal.Safe(finding.Summary)}");
            foreach (var reason in finding.Reasons) text.AppendLine($"  {"",-9} - {Terminal.Safe(reason)}");
        }
        if (report.Findings.Count == 0) text.AppendLine("  none: every administrator is forced through MFA and every exclusion is expected.");
        if (report.Actions.Count == 0) return text.ToString();

        text.AppendLine();
        text.AppendLine($"ACTIONS: {report.Actions.Count} ({string.Join(", ", Enum.GetValues<ActionStatus>().Select(s => $"{report.Actions.Count(a => a.Status == s)} {s.ToString().ToLowerInvariant()}"))})");
        foreach (var action in report.Actions)
        {
            text.AppendLine($"  {action.Status.ToString().ToUpperInvariant(),-9} {action.RuleId}  {action.Kind} {Terminal.Safe(action.TargetId)}");
            text.AppendLine($"  {"",-9} {Terminal.Safe(action.Detail)}");
        }
        return text.ToString();
    }

    private static string Describe(AdminRole role)
    {
        var how = role.Via == AssignmentPath.Group ? "through a group" : "direct";
        var scope = role.DirectoryScopeId == "/" ? "" : $", scope {role.DirectoryScopeId}";
        return Terminal.Safe($"{role.DisplayName} ({role.Assignment.ToString().ToLowerInvariant()}, {how}{scope})");
    }

    private static string Label(Coverage coverage) => coverage switch
    {
        Coverage.NotCovered => "not covered",
        _ => coverage.ToString().ToLowerInvariant(),
    };
}
