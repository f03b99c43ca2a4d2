using System.CommandLine;
using AdminMfaWatchdog.Cli.Rendering;
using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Core.Directory;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Json;

namespace AdminMfaWatchdog.Cli.Commands;

/// <summary>`watchdog scan`: one scan, reported as a table for people or as the JSON contract for machines.</summary>
internal static class ScanCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var snapshot = new Option<FileInfo>("--snapshot") { Description = "Tenant snapshot file (DESIGN.md contract). Without it: the embedded demo tenant." };
        var config = new Option<FileInfo>("--config") { Description = "Configuration file (JSON with comments). Without it: the demo tenant's configuration, or defaults with --snapshot." };
        var format = new Option<string>("--format") { Description = "table (for people) or json (the scan report contract).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var output = new Option<FileInfo>("--output") { Description = "Write the report to this file instead of standard output." };

        var command = new Command("scan", "Scan a tenant: every admin's MFA coverage and every rule's findings.")
        {
            snapshot, config, format, output,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(snapshot), parse.GetValue(config), parse.GetValue(format)!, parse.GetValue(output),
            stdout, stderr, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        FileInfo? snapshotFile, FileInfo? configFile, string format, FileInfo? outputFile,
        TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ScanReport report;
        try
        {
            var (snapshot, config, isDemo) = Load(snapshotFile, configFile);
            if (isDemo) await stderr.WriteLineAsync("No --snapshot given: scanning the embedded demo tenant.");
            var engine = new WatchdogEngine(new SnapshotDirectoryReader(snapshot), TimeProvider.System);
            report = await engine.ScanAsync(config, cancellationToken);
        }
        catch (InvalidInputException ex)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }

        var rendered = format == "json" ? ScanReportJson.Serialize(report) + Environment.NewLine : TableRenderer.Render(report);
        if (outputFile is null)
        {
            await stdout.WriteAsync(rendered);
        }
        else
        {
            await OutputFile.WriteAtomicallyAsync(outputFile, rendered, cancellationToken);
            await stderr.WriteLineAsync($"Report written to {outputFile.FullName}.");
        }

        if (!report.Complete)
        {
            await stderr.WriteLineAsync($"error: the scan could not complete: {report.Error}");
            return ExitCodes.Incomplete;
        }
        return report.Findings.Count > 0 ? ExitCodes.Findings : ExitCodes.NoFindings;
    }

    private static (TenantSnapshot Snapshot, WatchdogConfig Config, bool IsDemo) Load(FileInfo? snapshotFile, FileInfo? configFile)
    {
        var config = configFile is null ? null : InputFile.Read(configFile, ConfigJson.Read);
        if (snapshotFile is null) return (DemoTenant.Snapshot(), config ?? DemoTenant.Config(), true);
        return (InputFile.Read(snapshotFile, SnapshotJson.Read), config ?? WatchdogConfig.Default, false);
    }
}
