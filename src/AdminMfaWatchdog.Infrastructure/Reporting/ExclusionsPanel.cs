using System.Text;
using AdminMfaWatchdog.Core.ConditionalAccess;
using AdminMfaWatchdog.Core.Engine;
using static AdminMfaWatchdog.Infrastructure.Reporting.HtmlText;

namespace AdminMfaWatchdog.Infrastructure.Reporting;

/// <summary>The report's exclusions section: the exclusion group expected vs actual, and break-glass status.</summary>
internal static class ExclusionsPanel
{
    public static void Render(StringBuilder html, ExclusionReview? review)
    {
        html.Append("<section id=\"exclusions\"><h2>Exclusions: service accounts and break-glass</h2>\n");
        if (review is null)
        {
            html.Append("<p>Not available: the scan did not read the tenant.</p>\n</section>\n");
            return;
        }
        html.Append("<p class=\"note\">As read at the start of the scan; actions below may have changed it since.</p>\n");
        Group(html, review.ExclusionGroup);
        BreakGlass(html, review.BreakGlass);
        html.Append("</section>\n");
    }

    private static void Group(StringBuilder html, ExclusionGroupReview? group)
    {
        if (group is null)
        {
            html.Append("<h3>Service-account exclusion group</h3>\n<p>None configured (no <code>serviceAccounts</code> section): service accounts and unexpected group exclusions are not checked.</p>\n");
            return;
        }
        html.Append($"<h3>Service-account exclusion group {E(group.GroupName)} <small>{E(group.GroupId)}</small></h3>\n");
        html.Append("<div data-group><table id=\"exclusion-accounts\"><thead><tr><th>Account</th><th>Expected (why it belongs)</th><th>Actual (how it is in the group)</th><th>Status</th></tr></thead><tbody>\n");
        foreach (var account in group.Accounts)
        {
            html.Append($"<tr data-filterable data-exclusion=\"{Id(account.State)}\"><td>{Who(account.Name, account.DisplayName, account.UserId)}</td>");
            html.Append($"<td>{(account.ExpectedAs is { } why ? E(why) : "<em>not expected</em>")}</td><td>{(account.MemberThrough is { } path ? E(path) : "<em>not a member</em>")}</td>");
            html.Append($"<td>{Status(account.State)}</td></tr>\n");
        }
        if (group.Accounts.Count == 0) html.Append("<tr><td colspan=\"4\">No matched service account and no member.</td></tr>\n");
        html.Append("</tbody></table></div>\n");

        html.Append("<div data-group><table id=\"exclusion-policies\"><thead><tr><th>Watched policy</th><th>State</th><th>Excludes the group</th></tr></thead><tbody>\n");
        foreach (var policy in group.Policies)
        {
            var excludes = policy.State is null ? Badge("none", "policy missing") : policy.ExcludesGroup ? Badge("ok", "yes") : Badge("bad", "no");
            var name = policy.State is null ? "<em>no longer exists</em>" : E(policy.PolicyName);
            html.Append($"<tr data-filterable><td>{name}<br><small>{E(policy.PolicyId)}</small></td><td>{(policy.State is { } state ? State(state) : "deleted")}</td><td>{excludes}</td></tr>\n");
        }
        html.Append("</tbody></table></div>\n");
    }

    private static void BreakGlass(StringBuilder html, IReadOnlyList<BreakGlassReview> accounts)
    {
        html.Append("<h3>Break-glass accounts</h3>\n");
        if (accounts.Count == 0)
        {
            html.Append("<p>None configured (<code>breakGlassAccounts</code>): nothing checks that an emergency account can get in when MFA fails.</p>\n");
            return;
        }
        html.Append("<p class=\"note\">Each configured account exists: one that does not stops the scan with a configuration error.</p>\n");
        html.Append("<div data-group><table id=\"break-glass\"><thead><tr><th>Account</th><th>Enabled</th><th>Watched policies that apply</th><th>Status</th></tr></thead><tbody>\n");
        foreach (var account in accounts)
        {
            var applying = account.AppliesThrough.Count == 0 ? "none: excluded from every watched policy" : List(account.AppliesThrough.Select(p => $"{p.Explanation} [{State(p.State)}]"));
            html.Append($"<tr data-filterable data-break-glass=\"{Id(account.State)}\"><td>{Who(account.Name, account.DisplayName, account.UserId)}</td><td>{(account.AccountEnabled ? "yes" : "no")}</td>");
            html.Append($"<td>{applying}</td><td>{Status(account.State)}</td></tr>\n");
        }
        html.Append("</tbody></table></div>\n");
    }

    private static string Who(string name, string? displayName, string id) =>
        $"{E(displayName ?? name)}<br><small>{E(name)} {E(id)}</small>";

    private static string State(PolicyState state) => state switch
    {
        PolicyState.Enabled => "enabled",
        PolicyState.Disabled => "disabled",
        _ => "report-only",
    };

    private static string Status(ExclusionState state) => state switch
    {
        ExclusionState.InPlace => Badge("ok", "in place"),
        ExclusionState.Missing => Badge("bad", "missing from the group"),
        ExclusionState.Unexpected => Badge("bad", "should not be there"),
        _ => Badge("none", "account disabled"),
    };

    private static string Status(BreakGlassState state) => state switch
    {
        BreakGlassState.ExcludedEverywhere => Badge("ok", "not locked out"),
        BreakGlassState.LockedOut => Badge("bad", "locked out by an enabled policy"),
        BreakGlassState.AtRiskWhenEnabled => Badge("warn", "locked out once a policy is enabled"),
        _ => Badge("bad", "account disabled: unusable in an emergency"),
    };
}
