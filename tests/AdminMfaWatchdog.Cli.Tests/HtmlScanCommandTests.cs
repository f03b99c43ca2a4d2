namespace AdminMfaWatchdog.Cli.Tests;

public sealed class HtmlScanCommandTests
{
    [Fact]
    public async Task Html_format_without_output_writes_the_page_to_stdout()
    {
        var result = await CliRunner.RunAsync("scan", "--format", "html");

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.StartsWith("<!DOCTYPE html>", result.Stdout);
        Assert.EndsWith("</html>\n", result.Stdout);
        Assert.Contains("id=\"matrix\"", result.Stdout);
    }

    [Fact]
    public async Task Html_format_with_output_writes_the_page_to_the_file_with_tenant_markup_encoded()
    {
        using var folder = new TempFolder();
        var snapshot = folder.File("tenant.json", HostileReport.Snapshot);
        var report = folder.File("report.html");

        var result = await CliRunner.RunAsync("scan", "--snapshot", snapshot, "--format", "html", "--output", report);

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var html = await File.ReadAllTextAsync(report);
        Assert.DoesNotContain(HostileReport.ScriptName, html);
        Assert.Contains("Mallory &lt;script&gt;alert(1)&lt;/script&gt;", html);
    }
}
