using System.Text.RegularExpressions;
using AdminMfaWatchdog.Infrastructure.Reporting;

namespace AdminMfaWatchdog.Cli.Tests;

/// <summary>The report's exclusions and history sections, rendered from models holding attacker-written names.</summary>
public sealed class HtmlReportPanelsTests
{
    private readonly string withHistory = HtmlReportRenderer.Render(HostileReport.Model(), HostileReport.History());
    private readonly string withoutHistory = HtmlReportRenderer.Render(HostileReport.Model());

    [Fact]
    public void Without_a_ledger_the_page_says_so_and_has_no_dates_or_chart()
    {
        Assert.Contains("No ledger configured", Section(withoutHistory, "history"));
        Assert.DoesNotContain("<svg", withoutHistory);
        Assert.DoesNotContain("<th>First seen</th>", withoutHistory);
        Assert.DoesNotContain("new in this scan", withoutHistory);
    }

    [Fact]
    public void With_a_ledger_each_finding_says_when_it_was_first_seen_and_new_ones_are_marked()
    {
        var findings = Section(withHistory, "findings");

        Assert.Contains("<td>2026-01-02 03:04 <span class=\"badge new\">new</span></td>", findings);
        Assert.Contains("<td>2025-12-26 03:04<br><small>seen in 4 scans</small></td>", findings);
        Assert.Contains("<b>1</b><span>new in this scan</span>", withHistory);
        Assert.Contains("<b>1</b><span>closed in 30 days</span>", withHistory);
    }

    [Fact]
    public void With_a_ledger_the_history_shows_the_trend_and_what_was_resolved_recently()
    {
        var history = Section(withHistory, "history");

        Assert.Equal(2, Regex.Matches(history, "<circle ").Count);
        Assert.Contains("1 incomplete scan(s) in the period are not plotted", history);
        var closed = Assert.Single(Regex.Matches(history, "<tr data-filterable data-severity=\"critical\">.*?</tr>")).Value;
        Assert.Contains("<span class=\"badge resolved\">resolved</span>", closed);
        Assert.Contains("<td>2025-12-26 03:04</td><td>2026-01-02 03:04</td><td>3</td>", closed);
    }

    [Fact]
    public void A_ledger_that_could_not_be_read_is_named_with_its_encoded_error()
    {
        var html = HtmlReportRenderer.Render(HostileReport.Model(), ReportHistory.Unreadable("table said " + HostileReport.ScriptName, DateTimeOffset.UnixEpoch));

        Assert.Contains("The findings ledger could not be read: table said &lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("<svg", html);
    }

    [Fact]
    public void The_exclusions_panel_sets_expected_against_actual_and_gives_break_glass_status()
    {
        var panel = Section(withHistory, "exclusions");

        Assert.Contains("Exclusions &lt;script&gt;alert(4)&lt;/script&gt;", panel);
        Assert.Contains("<td><em>not expected</em></td><td>mallory@contoso.example -&gt; &#39;Exclusions &lt;script&gt;alert(4)&lt;/script&gt;&#39;</td>", panel);
        Assert.Contains("should not be there", panel);
        Assert.Contains("<span class=\"badge bad\">no</span>", panel); // the policy does not exclude the group
        Assert.Contains("Eve &lt;script&gt;alert(5)&lt;/script&gt;", panel);
        Assert.Contains("locked out by an enabled policy", panel);
    }

    [Fact]
    public void Markup_from_the_tenant_or_the_ledger_never_reaches_the_page_as_markup()
    {
        foreach (var html in new[] { withHistory, withoutHistory })
        {
            Assert.Single(Regex.Matches(html, "<script>"));
            Assert.DoesNotContain("<img", html);
            Assert.DoesNotContain("alert(4)</script>", html);
            Assert.DoesNotContain("alert(5)</script>", html);
        }
    }

    [Fact]
    public void The_new_sections_sit_between_the_matrix_and_the_actions()
    {
        var positions = new[] { "id=\"matrix\"", "id=\"exclusions\"", "id=\"findings\"", "id=\"history\"", "id=\"actions\"" }
            .Select(marker => withHistory.IndexOf(marker, StringComparison.Ordinal)).ToList();

        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"<section id=\"{id}\"", StringComparison.Ordinal);
        return html[start..(html.IndexOf("</section>", start, StringComparison.Ordinal) + "</section>".Length)];
    }
}
