using System.CommandLine;
using AdminMfaWatchdog.Cli.Rendering;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Findings;
using AdminMfaWatchdog.Core.Ports;
using AdminMfaWatchdog.Infrastructure.Hosting;
using AdminMfaWatchdog.Infrastructure.Reporting;

namespace AdminMfaWatchdog.Cli.Commands;

/// <summary>`watchdog scan`: one scan, reported as a table for people or as the JSON contract for machines.</summary>
internal static class ScanCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var common = new CommonOptions();
        var snapshot = new Option<FileInfo>("--snapshot") { Description = "Tenant snapshot file (docs/snapshot.md). Without it: the tenant of the Graph settings, else the embedded demo tenant." };
        var format = new Option<string>("--format") { Description = "table (for people), json (the scan report contract) or html (a self-contained report page).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "html");
        var output = new Option<FileInfo>("--output") { Description = "Write the report to this file instead of standard output." };
        var remediate = new Option<bool>("--remediate") { Description = "Fix what rules in 'remediate' mode found, inside the guardrails (live tenants only)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Plan the fixes and report them as 'planned'; write nothing." };

        var command = new Command("scan", "Scan a tenant: every admin's MFA coverage and every rule's findings.") { snapshot, format, output, common.Store, remediate, dryRun };
        common.AddTo(command);
        command.SetAction((parse, cancellationToken) => CliErrors.GuardAsync(stderr, async () =>
        {
            var source = TenantSource.Resolve(parse.GetValue(snapshot), parse.GetValue(common.Config), parse.GetValue(common.GraphUrl), parse.GetValue(common.Anonymous), parse.GetValue(common.Store));
            var ledger = WatchdogSettings.Ledger(source.Settings);
            await stderr.WriteLineAsync(source.IsDemo ? "No --snapshot and no Graph settings: scanning the embedded demo tenant." : $"Scanning {source.Description}.");
            var mode = parse.GetValue(dryRun) ? RemediationMode.DryRun : parse.GetValue(remediate) ? RemediationMode.Remediate : RemediationMode.None;
            if (mode == RemediationMode.Remediate && source.Remediation is null)
            {
                await stderr.WriteLineAsync($"error: --remediate writes to a live tenant, and {source.Description} is not one; use --dry-run to see the plan");
                return ExitCodes.BadInput;
            }
            var alerts = WatchdogSettings.Alerts(source.Settings, source.Graph);
            var engine = new WatchdogEngine(source.Reader, TimeProvider.System, ledger, new WatchdogEngineOptions { Remediation = mode }, source.Remediation, alerts);
            var outcome = await engine.RunAsync(source.Config, cancellationToken);
            if (ledger is not null && outcome.Report.Complete) await stderr.WriteLineAsync(Ledger(outcome.Transitions));
            if (outcome.Alerts is { } sent)
                await stderr.WriteLineAsync($"Alerts: {sent.Queued.Count} batch(es) queued; {sent.Delivery.Delivered} delivered, {sent.Delivery.Retrying} waiting to be retried, {sent.Delivery.Dead} given up.");
            if (outcome.AlertError is { } alertError) await stderr.WriteLineAsync($"warning: alerts could not be queued: {alertError}");
            return await WriteAsync(outcome.Report, ledger, parse.GetValue(format)!, parse.GetValue(output), stdout, stderr, cancellationToken);
        }));
        return command;
    }

    private static string Ledger(IReadOnlyList<FindingTransition> transitions) =>
        "Findings ledger updated: " + string.Join(", ", Enum.GetValues<TransitionKind>()
            .Select(kind => $"{transitions.Count(t => t.Kind == kind)} {kind.ToString().ToLowerInvariant()}")) + ".";

    private static async Task<int> WriteAsync(ScanReport report, IFindingStore? ledger, string format, FileInfo? outputFile, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var rendered = format switch
        {
            "json" => ScanReportJson.Serialize(report) + Environment.NewLine,
            // After the run, so the page's first-seen dates and trend include this scan.
            "html" => await HtmlReport.RenderAsync(report, ledger, TimeProvider.System, cancellationToken),
            _ => TableRenderer.Render(report),
        };
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
}
