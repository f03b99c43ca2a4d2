using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Core.Directory;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Ports;
using AdminMfaWatchdog.Infrastructure.Graph;
using AdminMfaWatchdog.Infrastructure.Hosting;
using Microsoft.Extensions.Configuration;

namespace AdminMfaWatchdog.Cli.Commands;

/// <summary>Which tenant a command reads, with which configuration.</summary>
internal sealed record TenantSource(IDirectoryReader Reader, WatchdogConfig Config, string Description)
{
    /// <summary>
    /// A snapshot file when given; else the tenant the Graph settings name; else the embedded demo.
    /// Settings come from appsettings.json in the working directory, then the environment
    /// (Graph__BaseUrl...), then the flags. The configuration: --config, else the Watchdog section.
    /// </summary>
    public static TenantSource Resolve(FileInfo? snapshotFile, FileInfo? configFile, string? graphUrl, bool anonymous)
    {
        var settings = LoadSettings(graphUrl, anonymous);
        var config = configFile is null ? WatchdogSettings.Watchdog(settings) : InputFile.Read(configFile, ConfigJson.Read);
        if (snapshotFile is not null)
        {
            var snapshot = InputFile.Read(snapshotFile, SnapshotJson.Read);
            return new(new SnapshotDirectoryReader(snapshot), config ?? WatchdogConfig.Default, $"snapshot {snapshotFile}");
        }
        if (WatchdogSettings.IsGraphConfigured(settings))
        {
            var options = WatchdogSettings.Graph(settings);
            var client = WatchdogGraphClient.Create(options, TimeProvider.System);
            return new(new GraphDirectoryReader(client, options, TimeProvider.System), config ?? WatchdogConfig.Default, $"Microsoft Graph at {options.BaseUrl}");
        }
        return new(new SnapshotDirectoryReader(DemoTenant.Snapshot()), config ?? DemoTenant.Config(), "the embedded demo tenant");
    }

    public bool IsDemo => Description == "the embedded demo tenant";

    private static IConfiguration LoadSettings(string? graphUrl, bool anonymous)
    {
        var flags = new Dictionary<string, string?>();
        if (graphUrl is not null) flags["Graph:BaseUrl"] = graphUrl;
        if (anonymous) flags["Graph:Anonymous"] = "true";
        return new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Environment.CurrentDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(flags)
            .Build();
    }
}
