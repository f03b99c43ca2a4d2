using System.Text.Json;
using GraphSimulator;
using GraphSimulator.State;

namespace AdminMfaWatchdog.Cli.Tests;

/// <summary>`watchdog scan --graph-url ... --anonymous` against the running Graph simulator, as a new user would try it.</summary>
public sealed class LiveGraphTests : IAsyncLifetime
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "samples");
    private static readonly string DemoTenant = Path.Combine(Samples, "demo-tenant.json");
    private static readonly string DemoConfig = Path.Combine(Samples, "demo-config.json");
    private GraphSimulatorHost _simulator = null!;

    public async Task InitializeAsync() =>
        _simulator = await GraphSimulatorHost.StartAsync(TenantState.FromJson(await File.ReadAllTextAsync(DemoTenant)));

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task A_live_scan_prints_the_same_findings_as_the_snapshot_scan()
    {
        var live = await CliRunner.RunAsync("scan", "--graph-url", _simulator.BaseUrl, "--anonymous", "--config", DemoConfig, "--format", "json");
        var offline = await CliRunner.RunAsync("scan", "--snapshot", DemoTenant, "--config", DemoConfig, "--format", "json");

        Assert.Equal(ExitCodes.Findings, live.ExitCode);
        Assert.Contains($"Scanning Microsoft Graph at {_simulator.BaseUrl}", live.Stderr);
        Assert.Equal(AdminsAndFindings(offline.Stdout), AdminsAndFindings(live.Stdout));
    }

    [Fact]
    public async Task An_exported_tenant_scans_to_the_same_findings()
    {
        using var folder = new TempFolder();
        var exported = folder.File("tenant.json");

        var export = await CliRunner.RunAsync("export", "--output", exported, "--graph-url", _simulator.BaseUrl, "--anonymous", "--config", DemoConfig);
        var rescan = await CliRunner.RunAsync("scan", "--snapshot", exported, "--config", DemoConfig, "--format", "json");
        var offline = await CliRunner.RunAsync("scan", "--snapshot", DemoTenant, "--config", DemoConfig, "--format", "json");

        Assert.Equal(ExitCodes.NoFindings, export.ExitCode);
        Assert.Contains("Snapshot of tenant 3ceaaf30-8142-48ea-91d9-3080f9b439fc written to", export.Stderr);
        Assert.Equal(AdminsAndFindings(offline.Stdout), AdminsAndFindings(rescan.Stdout));
    }

    [Fact]
    public async Task Anonymous_access_to_a_real_graph_url_is_refused()
    {
        var result = await CliRunner.RunAsync("scan", "--graph-url", "https://graph.microsoft.com/v1.0", "--anonymous");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("error: settings: Graph:Anonymous: anonymous access is only allowed with a loopback Graph URL", result.Stderr);
    }

    [Fact]
    public async Task An_unreachable_graph_is_an_incomplete_scan_with_exit_3()
    {
        var result = await CliRunner.RunAsync("scan", "--graph-url", "http://127.0.0.1:9/v1.0", "--anonymous", "--format", "json");

        Assert.Equal(ExitCodes.Incomplete, result.ExitCode);
        using var report = JsonDocument.Parse(result.Stdout);
        Assert.False(report.RootElement.GetProperty("complete").GetBoolean());
        Assert.Equal(0, report.RootElement.GetProperty("findings").GetArrayLength());
        Assert.Contains("error: the scan could not complete", result.Stderr);
    }

    [Fact]
    public async Task Export_without_a_reachable_tenant_writes_nothing()
    {
        using var folder = new TempFolder();
        var exported = folder.File("tenant.json");

        var result = await CliRunner.RunAsync("export", "--output", exported, "--graph-url", "http://127.0.0.1:9/v1.0", "--anonymous");

        Assert.Equal(ExitCodes.Incomplete, result.ExitCode);
        Assert.False(File.Exists(exported));
    }

    [Fact]
    public async Task Remediate_fixes_what_the_configuration_allows_and_the_next_scan_no_longer_finds_it()
    {
        var dryRun = await CliRunner.RunAsync("scan", "--graph-url", _simulator.BaseUrl, "--anonymous", "--config", DemoConfig, "--dry-run", "--format", "json");
        var fixedRun = await CliRunner.RunAsync("scan", "--graph-url", _simulator.BaseUrl, "--anonymous", "--config", DemoConfig, "--remediate", "--format", "json");
        var after = await CliRunner.RunAsync("scan", "--graph-url", _simulator.BaseUrl, "--anonymous", "--config", DemoConfig, "--format", "json");

        Assert.Equal(["planned", "planned"], Statuses(dryRun.Stdout));
        Assert.Equal(["applied", "applied"], Statuses(fixedRun.Stdout));
        using var report = JsonDocument.Parse(after.Stdout);
        var rules = report.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()).ToArray();
        Assert.DoesNotContain("policy-not-enabled", rules);
        Assert.DoesNotContain("service-account-not-excluded", rules);
        Assert.Contains("admin-not-covered", rules);
        Assert.Empty(report.RootElement.GetProperty("actions").EnumerateArray());
    }

    private static string[] Statuses(string reportJson)
    {
        using var report = JsonDocument.Parse(reportJson);
        return report.RootElement.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("status").GetString()!).ToArray();
    }

    private static string AdminsAndFindings(string reportJson)
    {
        using var report = JsonDocument.Parse(reportJson);
        return report.RootElement.GetProperty("admins").GetRawText() + report.RootElement.GetProperty("findings").GetRawText();
    }
}
