using GraphSimulator.AuditLogs;
using GraphSimulator.State;

namespace GraphSimulator.ChangeTracking;

/// <summary>The pieces of change tracking, built once per simulator and shared by its endpoints and control API.</summary>
internal sealed class ChangeTrackingServices : IDisposable
{
    /// <summary>Graph's own calls to endpoints follow no redirect and wait only as long as each POST's own timeout.</summary>
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };

    public ChangeTrackingServices(TenantState state, SimulatorOptions options, TimeProvider time)
    {
        Subscriptions = new SubscriptionStore(time);
        Dispatcher = new NotificationDispatcher(_http, options);
        Handshake = new ValidationHandshake(_http, options, Dispatcher);
        Audit = new DirectoryAuditLog(time);
        Notifier = new ChangeNotifier(state, Subscriptions, Dispatcher);
        Directory = new DirectoryChanges(state, Audit, Notifier, time);
    }

    public SubscriptionStore Subscriptions { get; }

    public NotificationDispatcher Dispatcher { get; }

    public ValidationHandshake Handshake { get; }

    public DirectoryAuditLog Audit { get; }

    public ChangeNotifier Notifier { get; }

    public DirectoryChanges Directory { get; }

    public void Dispose()
    {
        Dispatcher.Dispose();
        _http.Dispose();
    }
}
