using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Infrastructure.Graph;
using AdminMfaWatchdog.Infrastructure.Hosting.Audit;
using AdminMfaWatchdog.Infrastructure.Hosting.Changes;
using AdminMfaWatchdog.Infrastructure.Hosting.Endpoints;
using AdminMfaWatchdog.Infrastructure.Hosting.Subscriptions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace AdminMfaWatchdog.Infrastructure.Hosting;

/// <summary>
/// Everything both hosts expose, composed from the settings: the routes, the queue processor, and the
/// background work that needs a live tenant and storage (subscriptions, the audit poller). A host maps
/// its triggers onto these members and does nothing else.
/// </summary>
public sealed class WatchdogHost
{
    private WatchdogHost(WatchdogRuntime runtime, ILoggerFactory loggers)
    {
        Runtime = runtime;
        Scans = new ScanEndpoints(runtime);
        Notifications = new NotificationIntake(runtime, loggers.CreateLogger<NotificationIntake>());
        var tables = WatchdogSettings.TableService(runtime.Settings);
        if (runtime.Graph is { } graph && tables is not null)
        {
            if (runtime.Notifications.PublicBaseUrl is { Length: > 0 })
                Subscriptions = new SubscriptionManager(runtime, new GraphSubscriptionClient(graph), new SubscriptionStore(tables), loggers.CreateLogger<SubscriptionManager>());
            if (runtime.Changes is { } queue)
                Audit = new AuditPoller(runtime, new GraphAuditLogReader(graph), new AuditCursorStore(tables), queue, loggers.CreateLogger<AuditPoller>());
        }
        Changes = new ChangeProcessor(runtime, Subscriptions, loggers.CreateLogger<ChangeProcessor>());
    }

    /// <exception cref="SettingsException">a setting cannot work (the message names it, never its value).</exception>
    public static WatchdogHost Create(
        IConfiguration settings, TimeProvider clock, ILoggerFactory loggers, OfflineTenant? offline = null, WatchdogConfig? config = null) =>
        new(WatchdogRuntime.Create(settings, clock, offline, config), loggers);

    public WatchdogRuntime Runtime { get; }

    public ScanEndpoints Scans { get; }

    public NotificationIntake Notifications { get; }

    public ChangeProcessor Changes { get; }

    /// <summary>Null unless the tenant is live, storage is set and Notifications:PublicBaseUrl says where Graph can call.</summary>
    public SubscriptionManager? Subscriptions { get; }

    /// <summary>Null unless the tenant is live and storage is set.</summary>
    public AuditPoller? Audit { get; }
}
