using System.Text.Json;
using AdminMfaWatchdog.Infrastructure.Tests.Storage;

namespace AdminMfaWatchdog.Cli.Tests;

/// <summary>`watchdog scan --store` remembers; `watchdog findings` lists what it remembers.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LedgerCommandTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Scan_with_a_store_records_the_findings_once_and_findings_lists_them()
    {
        var first = await CliRunner.RunAsync("scan", "--store", azurite.ConnectionString, "--format", "json");
        var second = await CliRunner.RunAsync("scan", "--store", azurite.ConnectionString, "--format", "json");
        var open = await CliRunner.RunAsync("findings", "--store", azurite.ConnectionString, "--status", "open", "--format", "json");
        var table = await CliRunner.RunAsync("findings", "--store", azurite.ConnectionString);

        Assert.Equal(ExitCodes.Findings, first.ExitCode);
        Assert.Contains("Findings ledger updated: 11 opened, 0 reopened, 0 resolved, 0 remediated.", first.Stderr);
        Assert.Contains("Findings ledger updated: 0 opened, 0 reopened, 0 resolved, 0 remediated.", second.Stderr);
        Assert.Equal(ExitCodes.NoFindings, open.ExitCode);
        using var entries = JsonDocument.Parse(open.Stdout);
        Assert.Equal(11, entries.RootElement.GetArrayLength());
        Assert.All(entries.RootElement.EnumerateArray(), e => Assert.Equal(2, e.GetProperty("occurrences").GetInt32()));
        Assert.Contains("Findings ledger of tenant 3ceaaf30-8142-48ea-91d9-3080f9b439fc: 11", table.Stdout);
    }

    [Fact]
    public async Task A_malformed_store_connection_string_is_named_and_never_echoed()
    {
        var result = await CliRunner.RunAsync("scan", "--store", "AccountName=x;AccountKey=bm90LWEta2V5;Garbage");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("error: settings: 'Storage:ConnectionString' is not a usable Azure Storage connection string", result.Stderr);
        Assert.DoesNotContain("bm90LWEta2V5", result.Stderr);
    }

    [Fact]
    public async Task Findings_without_a_store_is_bad_input()
    {
        var result = await CliRunner.RunAsync("findings");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("no findings ledger", result.Stderr);
    }
}
