using GraphSimulator.ChangeTracking;
using GraphSimulator.Control;
using GraphSimulator.Endpoints;
using GraphSimulator.Faults;
using GraphSimulator.Pipeline;
using GraphSimulator.Routing;
using GraphSimulator.State;
using GraphSimulator.Stats;
using GraphSimulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GraphSimulator;

/// <summary>
/// A running simulator on Kestrel. Tests start one on a free loopback port, point the Graph SDK (or
/// an HttpClient) at <see cref="BaseUrl"/>, drive <see cref="Options"/>, <see cref="Faults"/> and
/// <see cref="State"/>, read <see cref="Stats"/>, and dispose it.
/// </summary>
public sealed class GraphSimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ChangeTrackingServices _tracking;

    private GraphSimulatorHost(WebApplication app, TenantState state, SimulatorOptions options, FaultInjector faults,
        SimulatorStats stats, ChangeTrackingServices tracking, string rootUrl)
    {
        _app = app;
        _tracking = tracking;
        Changes = new TenantChanges(tracking);
        State = state;
        Options = options;
        Faults = faults;
        Stats = stats;
        RootUrl = rootUrl;
        Client = new HttpClient { BaseAddress = new Uri(BaseUrl + "/") };
    }

    /// <summary><c>http://127.0.0.1:PORT</c>.</summary>
    public string RootUrl { get; }

    /// <summary><c>http://127.0.0.1:PORT/v1.0</c>: the Graph base URL (the SDK's batch code needs exactly <c>/v1.0</c>).</summary>
    public string BaseUrl => RootUrl + HttpTransport.GraphPrefix;

    public TenantState State { get; }

    public SimulatorOptions Options { get; }

    public FaultInjector Faults { get; }

    public SimulatorStats Stats { get; }

    /// <summary>Changes made as an admin in the portal (audited, notified), the delivery log, and a wait for deliveries.</summary>
    public TenantChanges Changes { get; }

    /// <summary>A plain client whose BaseAddress is <see cref="BaseUrl"/> + "/": <c>GetAsync("users")</c>.</summary>
    public HttpClient Client { get; }

    /// <param name="url">Where to listen; the default picks a free loopback port.</param>
    /// <param name="time">The clock of throttling windows and timestamps; tests pass a manual one.</param>
    public static async Task<GraphSimulatorHost> StartAsync(TenantState state, SimulatorOptions? options = null,
        TimeProvider? time = null, string url = "http://127.0.0.1:0", CancellationToken cancellationToken = default)
    {
        options ??= new SimulatorOptions();
        time ??= TimeProvider.System;
        var faults = new FaultInjector();
        var stats = new SimulatorStats();

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(GraphSimulatorHost).Assembly.GetName().Name });
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();

        var routes = new RouteTable();
        var pipeline = new RequestPipeline(routes, options, faults, stats, time);
        var tracking = new ChangeTrackingServices(state, options, time);
        GraphRoutes.Map(routes, pipeline, state, options, time, tracking);
        var transport = new HttpTransport(pipeline, new ControlEndpoints(state, stats, faults).Routes(), options);
        var stopping = app.Lifetime.ApplicationStopping;
        app.Run(context => transport.HandleAsync(context, stopping));

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no listening address.");
        return new GraphSimulatorHost(app, state, options, faults, stats, tracking, address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>Runs until Ctrl+C or SIGTERM (the runnable's main loop).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _tracking.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
