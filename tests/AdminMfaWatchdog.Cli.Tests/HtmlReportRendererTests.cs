using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AdminMfaWatchdog.Core.Rules;
using AdminMfaWatchdog.Infrastructure.Reporting;

namespace AdminMfaWatchdog.Cli.Tests;

public sealed class HtmlReportRendererTests
{
    private readonly string html = HtmlReportRenderer.Render(HostileReport.Model());

    [Fact]
    public void Tenant_markup_is_encoded_as_text_everywhere()
    {
        Assert.DoesNotContain(HostileReport.ScriptName, html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("Mallory &lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;", html);
        Assert.Contains("CA001 &lt;img src=x onerror=alert(3)&gt;", html);
        Assert.Contains("remove &lt;img src=x onerror=alert(2)&gt;", html);
    }

    [Fact]
    public void The_page_has_one_script_holding_no_tenant_data_and_the_policy_allows_only_that_script()
    {
        var scripts = Regex.Matches(html, "<script>(.*?)</script>", RegexOptions.Singleline);

        var script = Assert.Single(scripts).Groups[1].Value;
        Assert.DoesNotContain("mallory", script, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("84bd8158", script);
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
        Assert.Contains($"script-src 'sha256-{hash}'", html);
        Assert.Contains("default-src 'none'", html);
    }

    [Fact]
    public void The_page_is_self_contained()
    {
        Assert.DoesNotContain("src=\"http", html);
        Assert.DoesNotContain("<link rel=\"stylesheet\"", html);
        Assert.Contains("@media print", html);
        Assert.StartsWith("<!DOCTYPE html>", html);
    }

    [Fact]
    public void Every_section_is_present_in_order()
    {
        var positions = new[] { "id=\"summary\"", "id=\"search\"", "id=\"admins\"", "id=\"matrix\"", "id=\"findings\"", "id=\"actions\"" }
            .Select(marker => html.IndexOf(marker, StringComparison.Ordinal)).ToList();

        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void The_summary_counts_admins_by_verdict_and_findings_by_severity()
    {
        Assert.Contains("<b>2</b><span>administrators</span>", html);
        Assert.Contains("<b>1</b><span class=\"badge notCovered\">not covered</span>", html);
        Assert.Contains("<b>1</b><span class=\"badge covered\">covered</span>", html);
        Assert.Contains("<b>0</b><span class=\"badge partial\">partial</span>", html);
        Assert.Contains("<b>2</b><span>findings</span>", html);
        Assert.Contains("<b>1</b><span class=\"badge critical\">critical</span>", html);
        Assert.Contains("<b>1</b><span class=\"badge high\">high</span>", html);
        Assert.Contains("2026-01-02 03:04:05 to 2026-01-02 03:04:07 UTC", html);
        Assert.Contains("complete", html);
    }

    [Fact]
    public void Rows_carry_the_verdict_and_severity_the_filters_read()
    {
        Assert.Equal(2 * 2, Regex.Matches(html, "data-verdict=\"(notCovered|covered)\"").Count); // admins table + matrix
        Assert.Single(Regex.Matches(html, "data-severity=\"critical\""));
        Assert.Single(Regex.Matches(html, "data-severity=\"high\""));
    }

    [Fact]
    public void The_matrix_has_a_column_per_policy_named_in_the_reasons()
    {
        var matrix = html[html.IndexOf("id=\"matrix\"", StringComparison.Ordinal)..html.IndexOf("id=\"findings\"", StringComparison.Ordinal)];

        Assert.Single(Regex.Matches(matrix, "<th class=\"policy\">"));
        Assert.Contains(">not targeted<", matrix);
        Assert.Contains(">enforces MFA<", matrix);
    }

    [Fact]
    public void Findings_are_grouped_by_rule_with_its_rationale_remediation_and_reference()
    {
        foreach (var ruleId in new[] { "admin-not-covered", "unexpected-exclusion" })
        {
            var rule = RuleCatalog.Find(ruleId)!.Metadata;
            Assert.Contains($"id=\"rule-{ruleId}\"", html);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(rule.Title), html);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(rule.Rationale), html);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(rule.Remediation), html);
            Assert.Contains($"href=\"{rule.Reference}\"", html);
        }
        Assert.True(html.IndexOf("rule-admin-not-covered", StringComparison.Ordinal) < html.IndexOf("rule-unexpected-exclusion", StringComparison.Ordinal));
    }

    [Fact]
    public void An_incomplete_scan_says_so_with_its_encoded_error()
    {
        var incomplete = HtmlReportRenderer.Render(HostileReport.Model(complete: false));

        Assert.Contains("INCOMPLETE", incomplete);
        Assert.Contains("The scan could not complete: Graph said &lt;script&gt;alert(1)&lt;/script&gt;", incomplete);
    }

    [Fact]
    public void Policy_columns_come_from_the_reasons_that_name_a_policy_first()
    {
        var matrix = CoverageMatrix.From(HostileReport.Model().Admins);

        Assert.Equal([HostileReport.PolicyName], matrix.Policies);
        Assert.Equal("not targeted", matrix.At("ace08ec9-aa11-4ada-9145-addf0398233e", HostileReport.PolicyName)?.Label);
        Assert.Equal("enforces MFA", matrix.At("b120a366-f0bb-49cf-82f2-dc05873f9bd0", HostileReport.PolicyName)?.Label);
    }
}
