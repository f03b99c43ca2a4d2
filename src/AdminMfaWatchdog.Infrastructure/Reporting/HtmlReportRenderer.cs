using System.Globalization;
using System.Text;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Findings;
using AdminMfaWatchdog.Core.Rules;
using static AdminMfaWatchdog.Infrastructure.Reporting.HtmlText;

namespace AdminMfaWatchdog.Infrastructure.Reporting;

/// <summary>
/// The scan report as one self-contained HTML page (DESIGN.md "Scan report", `--format html`): inline
/// style and script, no external resource, printable. Every string from the tenant is HTML-encoded
/// (display names are attacker-controlled) and none is placed inside the script. Pure: the ledger's
/// history comes in already read (<see cref="HtmlReport.RenderAsync"/> reads it).
/// </summary>
public static class HtmlReportRenderer
{
    private static readonly Coverage[] VerdictOrder = [Coverage.NotCovered, Coverage.Partial, Coverage.Covered, Coverage.Exempt, Coverage.Disabled];
    private static readonly Severity[] SeverityOrder = [Severity.Critical, Severity.High, Severity.Medium, Severity.Low];

    /// <param name="history">what the findings ledger remembers; without one the page says no ledger is configured.</param>
    public static string Render(ScanReport report, ReportHistory? history = null)
    {
        history ??= ReportHistory.NoLedger;
        var admins = report.Admins.OrderBy(a => Array.IndexOf(VerdictOrder, a.Coverage)).ThenBy(a => a.UserPrincipalName ?? a.Id, StringComparer.OrdinalIgnoreCase).ToList();
        var html = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="{HtmlReportAssets.ContentSecurityPolicy}">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <link rel="icon" href="data:,">
            <title>MFA coverage of administrators - tenant {E(report.TenantId)}</title>
            <style>{HtmlReportAssets.Style}</style>
            </head>
            <body>

            """);
        Summary(html, report, history);
        Toolbar(html);
        Admins(html, admins);
        Matrix(html, admins);
        ExclusionsPanel.Render(html, report.Exclusions);
        Findings(html, report, history);
        HistoryPanel.Render(html, history);
        Actions(html, report.Actions);
        html.Append($"<script>{HtmlReportAssets.Script}</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Summary(StringBuilder html, ScanReport report, ReportHistory history)
    {
        html.Append($"<header id=\"summary\"><h1>MFA coverage of administrators</h1>\n");
        html.Append($"<p class=\"meta\">Tenant {E(report.TenantId)} &middot; scan {E(report.ScanId)} &middot; {Time(report.StartedAt)} to {Time(report.CompletedAt)} UTC ({(report.CompletedAt - report.StartedAt).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s) &middot; {(report.Complete ? "complete" : "INCOMPLETE")}</p>\n");
        if (!report.Complete) html.Append($"<p class=\"banner\">The scan could not complete: {E(report.Error ?? "unknown error")}. The sections below are empty or partial.</p>\n");
        html.Append("<div class=\"cards\">");
        html.Append(Card(report.Admins.Count, "administrators"));
        foreach (var verdict in VerdictOrder) html.Append(Card(report.Admins.Count(a => a.Coverage == verdict), Label(verdict), Id(verdict)));
        html.Append("</div>\n<div class=\"cards\">");
        html.Append(Card(report.Findings.Count, "findings"));
        foreach (var severity in SeverityOrder) html.Append(Card(report.Findings.Count(f => f.Severity == severity), Id(severity), Id(severity)));
        html.Append(Card(report.Actions.Count, "actions"));
        if (history.Source == HistorySource.Ledger)
        {
            html.Append(Card(report.Findings.Count(f => history.Find(f.Fingerprint) is { Occurrences: 1 } entry && entry.LastScanId == report.ScanId), "new in this scan"));
            html.Append(Card(history.RecentlyClosed.Count, $"closed in {(int)ReportHistory.Window.TotalDays} days"));
        }
        html.Append("</div></header>\n");
    }

    private static string Card(int count, string label, string? badge = null) =>
        $"<div class=\"card\"><b>{count}</b>{(badge is null ? $"<span>{label}</span>" : $"<span class=\"badge {badge}\">{label}</span>")}</div>";

    private static void Toolbar(StringBuilder html)
    {
        html.Append("<nav class=\"toolbar\"><input id=\"search\" type=\"search\" placeholder=\"Search admins, roles, reasons, findings...\" aria-label=\"Search\">");
        html.Append("<select id=\"verdict\" aria-label=\"Verdict\"><option value=\"\">All verdicts</option>");
        foreach (var verdict in VerdictOrder) html.Append($"<option value=\"{Id(verdict)}\">{Label(verdict)}</option>");
        html.Append("</select><select id=\"severity\" aria-label=\"Severity\"><option value=\"\">All severities</option>");
        foreach (var severity in SeverityOrder) html.Append($"<option value=\"{Id(severity)}\">{Id(severity)}</option>");
        html.Append("</select><span id=\"shown\" class=\"meta\"></span></nav>\n");
    }

    private static void Admins(StringBuilder html, IReadOnlyList<AdminCoverage> admins)
    {
        html.Append($"<section id=\"admins\"><h2>Administrators ({admins.Count})</h2>\n<table><thead><tr><th>Administrator</th><th>Verdict</th><th>Roles</th><th>Reasons</th></tr></thead><tbody>\n");
        foreach (var admin in admins)
        {
            html.Append($"<tr data-filterable data-verdict=\"{Id(admin.Coverage)}\"><td>{Who(admin)}</td><td><span class=\"badge {Id(admin.Coverage)}\">{Label(admin.Coverage)}</span></td>");
            html.Append($"<td>{List(admin.Roles.Select(Describe).Distinct())}</td><td>{List(admin.Reasons)}</td></tr>\n");
        }
        html.Append("</tbody></table></section>\n");
    }

    private static void Matrix(StringBuilder html, IReadOnlyList<AdminCoverage> admins)
    {
        var matrix = CoverageMatrix.From(admins);
        html.Append("<section id=\"matrix\"><h2>Coverage matrix</h2>\n<p class=\"note\">Columns are the policies the evaluator named in the administrators' reasons; hover a cell for the full reason. An empty cell: no reason names that policy for that administrator.</p>\n");
        html.Append("<table class=\"matrix\"><thead><tr><th>Administrator</th><th>Verdict</th>");
        foreach (var policy in matrix.Policies) html.Append($"<th class=\"policy\">{E(policy)}</th>");
        html.Append("</tr></thead><tbody>\n");
        foreach (var admin in admins)
        {
            html.Append($"<tr data-filterable data-verdict=\"{Id(admin.Coverage)}\"><td>{Who(admin)}</td><td><span class=\"badge {Id(admin.Coverage)}\">{Label(admin.Coverage)}</span></td>");
            foreach (var policy in matrix.Policies)
            {
                var cell = matrix.At(admin.Id, policy);
                html.Append(cell is null ? "<td class=\"cell\"></td>" : $"<td class=\"cell\" title=\"{E(cell.Reason)}\"><span class=\"badge {cell.CssClass}\">{cell.Label}</span></td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</tbody></table></section>\n");
    }

    private static void Findings(StringBuilder html, ScanReport report, ReportHistory history)
    {
        var findings = report.Findings;
        var dated = history.Source == HistorySource.Ledger;
        html.Append($"<section id=\"findings\"><h2>Findings ({findings.Count})</h2>\n");
        if (findings.Count == 0) html.Append("<p>None: every administrator is forced through MFA and every exclusion is expected.</p>\n");
        // Catalog order first (DESIGN.md's rule order), then any rule this build does not know.
        var groups = findings.GroupBy(f => f.RuleId).OrderBy(g => CatalogPosition(g.Key));
        foreach (var group in groups)
        {
            var rule = RuleCatalog.Find(group.Key)?.Metadata;
            html.Append($"<div class=\"rule\" data-group id=\"rule-{E(group.Key)}\"><h3>{E(rule?.Title ?? group.Key)} <small>{E(group.Key)} &middot; {group.Count()}</small></h3>\n");
            if (rule is not null)
            {
                html.Append($"<p><b>Why it matters.</b> {E(rule.Rationale)}</p>\n<p><b>Remediation.</b> {E(rule.Remediation)}</p>\n");
                html.Append($"<p class=\"note\">Reference: <a href=\"{E(rule.Reference)}\" rel=\"noreferrer\">{E(rule.Reference)}</a></p>\n");
            }
            html.Append($"<table><thead><tr><th>Severity</th><th>Subject</th><th>Summary</th><th>Reasons</th>{(dated ? "<th>First seen</th>" : "")}</tr></thead><tbody>\n");
            foreach (var finding in group.OrderBy(f => Array.IndexOf(SeverityOrder, f.Severity)))
            {
                html.Append($"<tr data-filterable data-severity=\"{Id(finding.Severity)}\"><td><span class=\"badge {Id(finding.Severity)}\">{Id(finding.Severity)}</span></td>");
                html.Append($"<td>{E(finding.SubjectName)}<br><small>{Id(finding.SubjectType)} {E(finding.SubjectId)}</small></td><td>{E(finding.Summary)}</td><td>{List(finding.Reasons)}</td>");
                html.Append(dated ? HistoryPanel.FirstSeenCell(history, finding, report.ScanId) + "</tr>\n" : "</tr>\n");
            }
            html.Append("</tbody></table></div>\n");
        }
        html.Append("</section>\n");
    }

    private static void Actions(StringBuilder html, IReadOnlyList<RemediationAction> actions)
    {
        html.Append($"<section id=\"actions\"><h2>Actions ({actions.Count})</h2>\n");
        if (actions.Count == 0)
        {
            html.Append("<p>None taken or planned in this scan.</p></section>\n");
            return;
        }
        html.Append("<table><thead><tr><th>Status</th><th>Rule</th><th>Action</th><th>Target</th><th>Detail</th></tr></thead><tbody>\n");
        foreach (var action in actions)
        {
            html.Append($"<tr data-filterable><td><span class=\"badge {Id(action.Status)}\">{Id(action.Status)}</span></td><td>{E(action.RuleId)}</td><td>{E(action.Kind)}</td><td>{E(action.TargetId)}</td><td>{E(action.Detail)}</td></tr>\n");
        }
        html.Append("</tbody></table></section>\n");
    }

    private static int CatalogPosition(string ruleId)
    {
        var position = RuleCatalog.All.ToList().FindIndex(r => r.Metadata.Id == ruleId);
        return position < 0 ? int.MaxValue : position;
    }

    private static string Who(AdminCoverage admin) =>
        $"{E(admin.DisplayName ?? admin.UserPrincipalName ?? admin.Id)}<br><small>{E(admin.UserPrincipalName ?? "")} {E(admin.Id)}</small>";

    private static string Describe(AdminRole role)
    {
        var how = role.Via == AssignmentPath.Group ? $"through group {role.GroupId}" : "direct";
        var scope = role.DirectoryScopeId == "/" ? "" : $", scope {role.DirectoryScopeId}";
        return $"{role.DisplayName} ({Id(role.Assignment)}, {how}{scope})";
    }

    private static string Label(Coverage coverage) => coverage == Coverage.NotCovered ? "not covered" : Id(coverage);
}
