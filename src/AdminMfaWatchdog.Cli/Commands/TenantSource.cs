using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Core.Directory;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Ports;
using AdminMfaWatchdog.Core.Remediation;
using AdminMfaWatchdog.Infrastructure.Graph;
using AdminMfaWatchdog.Infrastructure.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Graph;

namespace AdminMfaWatchdog.Cli.Commands;

/// <summary>Which tenant a command reads, with which configuration.</summary>
/// <param name="Remediation">how fixes are written and read back; only a live tenant has one.</param>
/// <param name="Graph">the live tenant's client, shared by reads, writes and email alerts.</param>
internal sealed record TenantSource(IDirectoryReader Reader, WatchdogConfig Config, string Description, IConfiguration Settings,
    RemediationExecutor? Remediation = null, GraphServiceClient? Graph = null)
{
    /// <summary>
    /// A snapshot file when given; else the tenant the Graph settings name; else the embedded demo.
    /// Settings come from appsettings.json in the working directory, then the environment
    /// (Graph__BaseUrl...), then the flags. The configuration: --config, else the Watchdog section.
    /// </summary>
    public static TenantSource Resolve(FileInfo? snapshotFile, FileInfo? configFile, string? graphUrl, bool anonymous, string? store = null)
    {
        var settings = LoadSettings(graphUrl, anonymous, store);
        var config = configFile is null ? WatchdogSettings.Watchdog(settings) : InputFile.Read(configFile, ConfigJson.Read);
        if (snapshotFile is not null)
        {
            var snapshot = InputFile.Read(snapshotFile, SnapshotJson.Read);
            return new(new SnapshotDirectoryReader(snapshot), config ?? WatchdogConfig.Default, $"snapshot {snapshotFile}", settings);
        }
        if (WatchdogSettings.IsGraphConfigured(settings))
        {
            var options = WatchdogSettings.Graph(settings);
            var client = WatchdogGraphClient.Create(options, TimeProvider.System);
            // Writes share the reader's client: one retry layer, one CA request gate per tenant.
            var remediation = new RemediationExecutor(new GraphDirectoryWriter(client), new GraphDirectoryReadBack(client, options, TimeProvider.System));
            return new(new GraphDirectoryReader(client, options, TimeProvider.System), config ?? WatchdogConfig.Default, $"Microsoft Graph at {options.BaseUrl}", settings, remediation, client);
        }
        return new(new SnapshotDirectoryReader(DemoTenant.Snapshot()), config ?? DemoTenant.Config(), "the embedded demo tenant", settings);
    }

    /// <summary>The tenant a ledger command is about: --tenant, else Graph:TenantId, else the demo tenant.</summary>
    public static string TenantId(string? tenant, IConfiguration settings) =>
        tenant ?? settings["Graph:TenantId"] ?? DemoTenant.Snapshot().TenantId;

    public bool IsDemo => Description == "the embedded demo tenant";

    public static IConfiguration LoadSettings(string? graphUrl, bool anonymous, string? store)
    {
        var flags = new Dictionary<string, string?>();
        if (store is not null) flags["Storage:ConnectionString"] = store;
        if (graphUrl is not null) flags["Graph:BaseUrl"] = graphUrl;
        if (anonymous) flags["Graph:Anonymous"] = "true";
        return new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Environment.CurrentDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(flags)
            .Build();
    }
}
