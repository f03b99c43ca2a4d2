using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using GraphSimulator.Time;

namespace GraphSimulator.Tests.ChangeTracking;

/// <summary>A simulator on a manual clock plus a loopback receiver; fast retries so that failure tests end quickly.</summary>
internal sealed class ChangeTrackingFixture : IAsyncDisposable
{
    public const string ClientState = "watchdog-client-state";

    private ChangeTrackingFixture(GraphSimulatorHost sim, NotificationReceiver receiver, ManualTimeProvider time)
    {
        Sim = sim;
        Receiver = receiver;
        Time = time;
    }

    public GraphSimulatorHost Sim { get; }

    public NotificationReceiver Receiver { get; }

    public ManualTimeProvider Time { get; }

    /// <summary>The receiver's notification URL, with a query string Graph must preserve.</summary>
    public string NotifyUrl => Receiver.Url("/api/notify?code=KEY");

    public string LifecycleUrl => Receiver.Url("/api/lifecycle?code=KEY");

    public static async Task<ChangeTrackingFixture> StartAsync(ChangeNotificationOptions? notifications = null)
    {
        var time = new ManualTimeProvider();
        var options = new SimulatorOptions
        {
            ChangeNotifications = notifications ?? new ChangeNotificationOptions { RetryDelay = TimeSpan.FromMilliseconds(10) },
        };
        var sim = await TestSimulator.StartAsync(options, time);
        return new ChangeTrackingFixture(sim, await NotificationReceiver.StartAsync(), time);
    }

    public JsonObject Body(string resource, TimeSpan? lifetime = null, bool lifecycle = false) => new()
    {
        ["changeType"] = "updated,deleted",
        ["notificationUrl"] = NotifyUrl,
        ["lifecycleNotificationUrl"] = lifecycle ? LifecycleUrl : null,
        ["resource"] = resource,
        ["expirationDateTime"] = Expiry(lifetime ?? TimeSpan.FromDays(2)),
        ["clientState"] = ClientState,
        ["latestSupportedTlsVersion"] = "v1_2",
    };

    public string Expiry(TimeSpan lifetime) => (Time.GetUtcNow() + lifetime).ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Creates a subscription that must succeed; returns its id.</summary>
    public async Task<string> SubscribeAsync(string resource, bool lifecycle = false)
    {
        var created = await Sim.Client.PostJsonAsync("subscriptions", Body(resource, lifecycle: lifecycle));
        Assert.Equal(HttpStatusCode.Created, created.Status);
        return created.Body!["id"]!.GetValue<string>();
    }

    public async ValueTask DisposeAsync()
    {
        await Sim.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
