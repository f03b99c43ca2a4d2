using System.Globalization;
using System.Text.RegularExpressions;
using AdminMfaWatchdog.Infrastructure.Tests.Storage;

namespace AdminMfaWatchdog.Cli.Tests;

/// <summary>`scan --store --format html`: the page tells the ledger's history, this scan included.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HtmlHistoryCommandTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_scan_with_a_store_renders_first_seen_dates_the_resolved_finding_and_the_trend()
    {
        using var folder = new TempFolder();
        // A tenant of its own: the ledger is shared with the other tests of the Azurite collection.
        var tenant = HostileReport.Snapshot.Replace("84bd8158-6d4d-4958-8b9f-9d6445542f95", Guid.NewGuid().ToString());
        var before = folder.File("before.json", tenant);
        var after = folder.File("after.json", Regex.Replace(tenant, "\"members\": \\[.*?\\]", "\"members\": []")); // Mallory leaves the exclusion group
        var config = folder.File("config.json", HostileReport.Config);
        var report = folder.File("report.html");
        var startedAt = DateTimeOffset.UtcNow;

        await Scan(before);
        await Scan(after);
        var last = await Scan(after, "--format", "html", "--output", report);

        Assert.Equal(ExitCodes.Findings, last.ExitCode);
        var html = await File.ReadAllTextAsync(report);
        var firstSeen = Regex.Match(html, "<td>(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d)<br><small>seen in 3 scans</small></td>");
        Assert.True(firstSeen.Success, "the admin-not-covered finding was seen in all three scans");
        var date = DateTimeOffset.ParseExact(firstSeen.Groups[1].Value + "Z", "yyyy-MM-dd HH:mmK", CultureInfo.InvariantCulture);
        Assert.InRange(date, startedAt.AddMinutes(-1), DateTimeOffset.UtcNow);
        Assert.Equal(3, Regex.Matches(html, "<circle ").Count);
        var closed = html[html.IndexOf("id=\"recently-closed\"", StringComparison.Ordinal)..];
        Assert.Contains("unexpected-exclusion", closed[..closed.IndexOf("</table>", StringComparison.Ordinal)]);
        Assert.DoesNotContain(HostileReport.ScriptName, html);

        Task<CliRunner.Result> Scan(string snapshot, params string[] more) =>
            CliRunner.RunAsync(["scan", "--snapshot", snapshot, "--config", config, "--store", azurite.ConnectionString, .. more]);
    }
}
