using System.CommandLine;
using AdminMfaWatchdog.Core.Directory;
using AdminMfaWatchdog.Core.Ports;

namespace AdminMfaWatchdog.Cli.Commands;

/// <summary>`watchdog export`: the tenant as a snapshot file (docs/snapshot.md), for offline scans and audits.</summary>
internal static class ExportCommand
{
    public static Command Create(TextWriter stderr)
    {
        var common = new CommonOptions();
        var output = new Option<FileInfo>("--output") { Description = "The snapshot file to write.", Required = true };
        var command = new Command("export", "Write the configured tenant (Graph settings) as a snapshot: what a scan reads, in Graph's JSON shapes.") { output };
        common.AddTo(command);
        command.SetAction((parse, cancellationToken) => CliErrors.GuardAsync(stderr, async () =>
        {
            var source = TenantSource.Resolve(null, parse.GetValue(common.Config), parse.GetValue(common.GraphUrl), parse.GetValue(common.Anonymous));
            await stderr.WriteLineAsync($"Exporting {source.Description}.");
            TenantSnapshot snapshot;
            try
            {
                snapshot = await source.Reader.ReadAsync(source.Config, cancellationToken);
            }
            catch (DirectoryReadException ex)
            {
                await stderr.WriteLineAsync($"error: the export could not complete: {ex.Message}");
                return ExitCodes.Incomplete;
            }
            using var buffer = new MemoryStream();
            SnapshotJsonWriter.Write(snapshot, buffer);
            var file = parse.GetValue(output)!;
            await OutputFile.WriteAtomicallyAsync(file, System.Text.Encoding.UTF8.GetString(buffer.ToArray()), cancellationToken);
            await stderr.WriteLineAsync($"Snapshot of tenant {snapshot.TenantId} written to {file.FullName} ({snapshot.Users.Count} users, {snapshot.ConditionalAccessPolicies.Count} policies).");
            return ExitCodes.NoFindings;
        }));
        return command;
    }
}
