using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Core.Directory;

namespace AdminMfaWatchdog.Cli;

/// <summary>The demo tenant and its configuration (samples/), embedded so `watchdog scan` works with no arguments.</summary>
internal static class DemoTenant
{
    public static TenantSnapshot Snapshot()
    {
        using var stream = Open("demo-tenant.json");
        return SnapshotJson.Read(stream, "demo-tenant.json (embedded)");
    }

    public static WatchdogConfig Config()
    {
        using var stream = Open("demo-config.json");
        return ConfigJson.Read(stream, "demo-config.json (embedded)");
    }

    private static Stream Open(string name) =>
        typeof(DemoTenant).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"the build did not embed {name}");
}
