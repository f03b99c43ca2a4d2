using System.CommandLine;
using AdminMfaWatchdog.Cli.Serve;
using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Core.Directory;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Infrastructure.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AdminMfaWatchdog.Cli.Commands;

/// <summary>`watchdog serve`: the Functions app's triggers on Kestrel, for containers and VMs.</summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter stderr)
    {
        var common = new CommonOptions();
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
        var snapshot = new Option<FileInfo>("--snapshot") { Description = "Serve a tenant snapshot instead of the tenant of the Graph settings (no remediation, no subscriptions). Without both: the embedded demo tenant." };
        var command = new Command("serve", "Run the watchdog unattended: timer scans, Graph change notifications (/api/graph/notifications, /api/graph/lifecycle) and audit-log polling, and the HTTP routes /api/scan, /api/findings, /api/report, /api/health.")
        {
            urls, snapshot, common.Store,
        };
        common.AddTo(command);
        command.SetAction((parse, cancellationToken) => CliErrors.GuardAsync(stderr, async () =>
        {
            var settings = TenantSource.LoadSettings(parse.GetValue(common.GraphUrl), parse.GetValue(common.Anonymous), parse.GetValue(common.Store));
            var config = parse.GetValue(common.Config) is { } file ? InputFile.Read(file, ConfigJson.Read) : null;
            await using var app = ServeApp.Build(settings, parse.GetValue(urls)!, TimeProvider.System, Offline(parse.GetValue(snapshot), config, settings), config);
            await stderr.WriteLineAsync($"Serving {app.Services.GetRequiredService<WatchdogHost>().Runtime.Description} on {parse.GetValue(urls)}.");
            await app.StartAsync(cancellationToken);
            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.NoFindings;
        }));
        return command;
    }

    /// <summary>A snapshot when given; none when Graph settings name a tenant; else the embedded demo.</summary>
    private static OfflineTenant? Offline(FileInfo? snapshotFile, WatchdogConfig? config, IConfiguration settings)
    {
        if (snapshotFile is null && WatchdogSettings.IsGraphConfigured(settings)) return null;
        if (snapshotFile is null) return new OfflineTenant(new SnapshotDirectoryReader(DemoTenant.Snapshot()), config ?? DemoTenant.Config(), "the embedded demo tenant");
        var snapshot = InputFile.Read(snapshotFile, SnapshotJson.Read);
        return new OfflineTenant(new SnapshotDirectoryReader(snapshot), config ?? WatchdogConfig.Default, $"snapshot {snapshotFile}");
    }
}
