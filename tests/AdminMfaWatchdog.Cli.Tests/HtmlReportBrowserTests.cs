using AdminMfaWatchdog.Infrastructure.Reporting;
using Xunit.Abstractions;

namespace AdminMfaWatchdog.Cli.Tests;

/// <summary>The report page as people get it: `scan --format html` opened from disk in headless Chromium.</summary>
public sealed class HtmlReportBrowserTests(ITestOutputHelper output)
{
    /// <summary>Screenshots are kept here (bin/.../TestResults/) for people and CI to look at.</summary>
    private static readonly string ArtifactFolder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults")).FullName;

    [ChromiumFact]
    public async Task The_demo_report_loads_cleanly_and_its_search_and_filters_hide_and_show_rows()
    {
        using var folder = new TempFolder();
        await using var session = await BrowserPage.OpenAsync(await ScanToHtmlAsync(folder));
        var page = session.Page;

        var adminRows = page.Locator("#admins tbody tr");
        var allAdmins = await adminRows.CountAsync();
        Assert.True(allAdmins > 2);
        await page.ScreenshotAsync(new() { Path = Artifact("html-report-demo.png"), FullPage = true });

        await page.FillAsync("#search", "kowalski");
        Assert.Equal(1, await Visible("#admins tbody tr"));
        Assert.Contains("kowalski", await page.Locator("#admins tbody tr:not([hidden])").InnerTextAsync());

        await page.FillAsync("#search", "");
        Assert.Equal(allAdmins, await Visible("#admins tbody tr"));

        await page.SelectOptionAsync("#verdict", "notCovered");
        var notCovered = await Visible("#admins tbody tr");
        Assert.InRange(notCovered, 1, allAdmins - 1);
        Assert.Equal(notCovered, await Visible("#admins tbody tr[data-verdict=notCovered]"));

        await page.SelectOptionAsync("#verdict", "");
        var findings = await Visible("#findings tbody tr");
        await page.SelectOptionAsync("#severity", "critical");
        var critical = await Visible("#findings tbody tr");
        Assert.InRange(critical, 1, findings - 1);
        Assert.Equal(critical, await Visible("#findings tbody tr[data-severity=critical]"));
        Assert.True(await page.Locator("#rule-unexpected-exclusion").IsHiddenAsync(), "a rule group with no critical finding is hidden");
        await page.SelectOptionAsync("#severity", "");

        // The exclusions panel filters like the rest: a search keeps the matching account, hides the other tables.
        Assert.True(await page.Locator("#exclusion-accounts tbody tr").CountAsync() > 2);
        await page.FillAsync("#search", "svc-backup");
        Assert.Equal(1, await Visible("#exclusion-accounts tbody tr"));
        Assert.Contains("missing from the group", await page.Locator("#exclusion-accounts tbody tr:not([hidden])").InnerTextAsync());
        Assert.True(await page.Locator("#break-glass").IsHiddenAsync(), "the break-glass table has no row about svc-backup");
        await page.FillAsync("#search", "breakglass02");
        Assert.Contains("locked out by an enabled policy", await page.Locator("#break-glass tbody tr:not([hidden])").InnerTextAsync());
        Assert.Contains("No ledger configured", await page.Locator("#history").InnerTextAsync());

        Assert.Empty(session.Errors);

        Task<int> Visible(string selector) => page.Locator(selector + ":not([hidden])").CountAsync();
    }

    [ChromiumFact]
    public async Task A_display_name_made_of_markup_is_shown_as_text_and_runs_nothing()
    {
        using var folder = new TempFolder();
        await using var session = await BrowserPage.OpenAsync(await ScanToHtmlAsync(folder, HostileReport.Snapshot, HostileReport.Config));
        var page = session.Page;

        Assert.Contains(HostileReport.DisplayName, await page.Locator("#admins").InnerTextAsync());
        Assert.Contains(HostileReport.PolicyName, await page.Locator("#matrix thead").InnerTextAsync());
        var exclusions = await page.Locator("#exclusions").InnerTextAsync();
        Assert.Contains(HostileReport.GroupName, exclusions);
        Assert.Contains(HostileReport.DisplayName, exclusions);
        Assert.Contains(HostileReport.BreakGlassName, exclusions);
        Assert.Equal(0, await page.Locator("img").CountAsync());
        Assert.Equal(1, await page.Locator("script").CountAsync());
        await page.ScreenshotAsync(new() { Path = Artifact("html-report-hostile.png"), FullPage = true });
        Assert.Empty(session.Dialogs);
        Assert.Empty(session.Errors);
    }

    [ChromiumFact]
    public async Task The_history_chart_and_resolved_findings_render_cleanly_and_filter_with_the_rest()
    {
        using var folder = new TempFolder();
        var file = folder.File("report.html", HtmlReportRenderer.Render(HostileReport.Model(), HostileReport.History()));
        await using var session = await BrowserPage.OpenAsync(file);
        var page = session.Page;

        Assert.True(await page.Locator("svg.trend").IsVisibleAsync());
        Assert.Equal(2, await page.Locator("svg.trend circle").CountAsync());
        await page.ScreenshotAsync(new() { Path = Artifact("html-report-history.png"), FullPage = true });
        Assert.Contains(HostileReport.BreakGlassName, await page.Locator("#recently-closed").InnerTextAsync());
        Assert.Contains("new", await page.Locator("#findings").InnerTextAsync());

        await page.SelectOptionAsync("#severity", "high");
        Assert.True(await page.Locator("#recently-closed").IsHiddenAsync(), "the one resolved finding is critical");
        await page.SelectOptionAsync("#severity", "critical");
        Assert.True(await page.Locator("#recently-closed").IsVisibleAsync());
        await page.FillAsync("#search", "eve");
        Assert.Equal(1, await page.Locator("#recently-closed tbody tr:not([hidden])").CountAsync());

        Assert.Empty(session.Dialogs);
        Assert.Empty(session.Errors);
    }

    private static async Task<string> ScanToHtmlAsync(TempFolder folder, string? snapshot = null, string? config = null)
    {
        var report = folder.File("report.html");
        string[] source = snapshot is null ? [] : ["--snapshot", folder.File("tenant.json", snapshot)];
        if (config is not null) source = [.. source, "--config", folder.File("config.json", config)];
        var result = await CliRunner.RunAsync(["scan", .. source, "--format", "html", "--output", report]);
        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        return report;
    }

    private string Artifact(string name)
    {
        var path = Path.Combine(ArtifactFolder, name);
        output.WriteLine($"screenshot: {path}");
        return path;
    }
}
