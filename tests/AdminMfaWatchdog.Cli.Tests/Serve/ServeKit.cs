using System.Text;
using AdminMfaWatchdog.Cli.Serve;
using AdminMfaWatchdog.Core.Ports;
using AdminMfaWatchdog.Infrastructure.Hosting;
using AdminMfaWatchdog.Infrastructure.Storage.Ledger;
using AdminMfaWatchdog.Infrastructure.Storage.Queues;
using AdminMfaWatchdog.Infrastructure.Tests.Alerts;
using AdminMfaWatchdog.Infrastructure.Tests.Storage;
using GraphSimulator;
using GraphSimulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace AdminMfaWatchdog.Cli.Tests.Serve;

/// <summary>
/// `watchdog serve` on a loopback port, over its own Azurite (tables and queues) and, for a live tenant,
/// the Graph simulator serving the demo tenant, with alerts going to a real receiver. Each kit has its own
/// emulator, so ledgers, queues and subscriptions of different tests never meet.
/// </summary>
internal sealed class ServeKit : IAsyncDisposable
{
    public const string FunctionKey = "test-function-key-0123456789";
    public const string ClientState = "test-client-state-0123456789abcdef";
    public const string ExclusionGroupId = "e88edd50-5042-4947-984d-bd487b982ff1";

    private ServeKit()
    {
    }

    public required AzuriteFixture Azurite { get; init; }

    public GraphSimulatorHost? Graph { get; private init; }

    public required AlertReceiver Alerts { get; init; }

    public WebApplication App { get; private set; } = null!;

    public Uri BaseUrl { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public string TenantId => DemoTenant.Snapshot().TenantId;

    public IFindingStore Ledger => new TableFindingStore(Azurite.CreateServiceClient());

    public QueueClient ChangeQueue => new QueueServiceClient(Azurite.ConnectionString).GetQueueClient("watchdog-changes");

    public QueueClient PoisonQueue => new QueueServiceClient(Azurite.ConnectionString).GetQueueClient("watchdog-changes-poison");

    /// <summary>serve on the embedded demo tenant (no Graph): routes, notifications and the queue, without remediation.</summary>
    public static Task<ServeKit> StartOfflineAsync(Dictionary<string, string?>? settings = null) => StartAsync(live: false, settings);

    /// <summary>serve on the demo tenant behind the Graph simulator: subscriptions, audit polling, remediation.</summary>
    public static Task<ServeKit> StartLiveAsync(Dictionary<string, string?>? settings = null) => StartAsync(live: true, settings);

    private static async Task<ServeKit> StartAsync(bool live, Dictionary<string, string?>? extra)
    {
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        var graph = live
            ? await GraphSimulatorHost.StartAsync(TenantState.FromJson(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "samples", "demo-tenant.json"))), new SimulatorOptions(), TimeProvider.System)
            : null;
        var kit = new ServeKit { Azurite = azurite, Graph = graph, Alerts = await AlertReceiver.StartAsync() };
        var port = AlertReceiver.FreePort();
        kit.BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Host:FunctionKey"] = FunctionKey,
            ["Notifications:ClientState"] = ClientState,
            ["Notifications:Debounce"] = "00:00:00.200",
            ["Watchdog:ScanInterval"] = "01:00:00",
            ["Alerts:Webhook:Url"] = kit.Alerts.Url.ToString(),
            ["Alerts:MinimumSeverity"] = "low",
        };
        if (graph is not null)
        {
            settings["Graph:BaseUrl"] = graph.BaseUrl;
            settings["Graph:Anonymous"] = "true";
            settings["Graph:TenantId"] = kit.TenantId;
            settings["Notifications:PublicBaseUrl"] = kit.BaseUrl.ToString();
        }
        foreach (var (key, value) in extra ?? []) settings[key] = value;

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var offline = live ? null : new OfflineTenant(new Core.Engine.SnapshotDirectoryReader(DemoTenant.Snapshot()), DemoTenant.Config(), "the embedded demo tenant");
        kit.App = ServeApp.Build(configuration, kit.BaseUrl.ToString().TrimEnd('/'), TimeProvider.System, offline, live ? DemoTenant.Config() : null, logging: Environment.GetEnvironmentVariable("WATCHDOG_TEST_LOGS") is null ? _ => { } : builder => builder.AddSimpleConsole(console => console.SingleLine = true));
        await kit.App.StartAsync();
        return kit;
    }

    public Task<HttpResponseMessage> PostAsync(string path, string? body = null, bool withKey = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUrl, path))
        {
            Content = new StringContent(body ?? string.Empty, Encoding.UTF8, "application/json"),
        };
        if (withKey) request.Headers.Add("x-functions-key", FunctionKey);
        return Http.SendAsync(request);
    }

    /// <summary>A change notification as Graph sends it for a member change of <paramref name="groupId"/>.</summary>
    public string Notification(string groupId, string? clientState = ClientState, int sequence = 0, DateTimeOffset? expires = null, string? tenantId = null) =>
        $$"""
        {"value":[{"changeType":"updated","clientState":{{Json(clientState)}},"resource":"Groups/{{groupId}}",
          "resourceData":{"@odata.type":"#Microsoft.Graph.Group","@odata.id":"Groups/{{groupId}}","id":"{{groupId}}","sequenceNumber":{{sequence}}},
          "subscriptionExpirationDateTime":"{{(expires ?? DateTimeOffset.UtcNow.AddDays(2)):O}}",
          "subscriptionId":"7f105c7d-2dc5-4530-97cd-4e7ae6534c07","tenantId":"{{tenantId ?? TenantId}}"}]}
        """;

    private static string Json(string? text) => text is null ? "null" : System.Text.Json.JsonSerializer.Serialize(text);

    /// <summary>The scans the ledger recorded since the kit started, newest first.</summary>
    public Task<IReadOnlyList<ScanRecord>> ScansAsync(string? trigger = null) =>
        Ledger.ListScansAsync(TenantId, DateTimeOffset.UtcNow.AddHours(-1), default)
            .ContinueWith(task => (IReadOnlyList<ScanRecord>)task.Result.Where(scan => trigger is null || scan.Trigger == trigger).ToList(), TaskScheduler.Default);

    /// <summary>Polls <paramref name="condition"/> until it holds; fails with <paramref name="what"/> after a generous deadline.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, TimeSpan? deadline = null)
    {
        using var timeout = new CancellationTokenSource(deadline ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            if (timeout.IsCancellationRequested) Assert.Fail($"Timed out waiting until {what}.");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (Graph is not null) await Graph.DisposeAsync();
        await Alerts.DisposeAsync();
        await Azurite.DisposeAsync();
        Http.Dispose();
    }

}
