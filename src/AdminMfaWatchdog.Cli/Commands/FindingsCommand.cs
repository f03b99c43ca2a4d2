using System.CommandLine;
using System.Text;
using System.Text.Json;
using AdminMfaWatchdog.Cli.Rendering;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Findings;
using AdminMfaWatchdog.Infrastructure.Hosting;
using AdminMfaWatchdog.Infrastructure.Storage.Ledger;

namespace AdminMfaWatchdog.Cli.Commands;

/// <summary>`watchdog findings`: what the ledger remembers of a tenant, newest first.</summary>
internal static class FindingsCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var common = new CommonOptions();
        var status = new Option<string>("--status") { Description = "Only findings with this status: open, resolved or remediated." };
        status.AcceptOnlyFromAmong("open", "resolved", "remediated");
        var tenant = new Option<string>("--tenant") { Description = "Tenant id (default: Graph:TenantId, else the demo tenant)." };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("findings", "List the findings the ledger holds (needs --store or Storage:ConnectionString).") { status, tenant, format, common.Store };
        command.SetAction((parse, cancellationToken) => CliErrors.GuardAsync(stderr, async () =>
        {
            var settings = TenantSource.LoadSettings(null, false, parse.GetValue(common.Store));
            if (WatchdogSettings.Ledger(settings) is not { } ledger)
            {
                await stderr.WriteLineAsync("error: no findings ledger: pass --store CONNECTION or set Storage:ConnectionString");
                return ExitCodes.BadInput;
            }
            var tenantId = TenantSource.TenantId(parse.GetValue(tenant), settings);
            var wanted = parse.GetValue(status) is { } s ? Enum.Parse<FindingStatus>(s, ignoreCase: true) : (FindingStatus?)null;
            IReadOnlyList<LedgerEntry> entries;
            try
            {
                entries = await ledger.ListAsync(tenantId, wanted, cancellationToken);
            }
            catch (Core.Ports.FindingStoreException ex)
            {
                await stderr.WriteLineAsync($"error: {ex.Message}");
                return ExitCodes.Incomplete;
            }
            await stdout.WriteAsync(parse.GetValue(format) == "json" ? Json(entries) : Table(tenantId, entries));
            return ExitCodes.NoFindings;
        }));
        return command;
    }

    private static string Json(IReadOnlyList<LedgerEntry> entries) => LedgerJson.Serialize(entries) + Environment.NewLine;

    private static string Table(string tenantId, IReadOnlyList<LedgerEntry> entries)
    {
        var text = new StringBuilder($"Findings ledger of tenant {Terminal.Safe(tenantId)}: {entries.Count}{Environment.NewLine}");
        foreach (var entry in entries)
        {
            text.AppendLine();
            text.AppendLine($"  {entry.Status.ToString().ToUpperInvariant(),-11}{entry.Finding.Severity.ToString().ToUpperInvariant(),-9} {entry.Finding.RuleId}  {Terminal.Safe(entry.Finding.SubjectName)}");
            text.AppendLine($"  {"",-20} {Terminal.Safe(entry.Finding.Summary)}");
            var resolved = entry.ResolvedAt is { } at ? $", resolved {at:yyyy-MM-dd HH:mm}Z" : "";
            text.AppendLine($"  {"",-20} first seen {entry.FirstSeen:yyyy-MM-dd HH:mm}Z, last seen {entry.LastSeen:yyyy-MM-dd HH:mm}Z, {entry.Occurrences} scan(s){resolved}");
        }
        return text.ToString();
    }
}
