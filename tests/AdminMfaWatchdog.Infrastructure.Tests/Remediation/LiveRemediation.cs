using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Core.Directory;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Remediation;
using AdminMfaWatchdog.Infrastructure.Graph;
using AdminMfaWatchdog.Infrastructure.Tests.Graph;

namespace AdminMfaWatchdog.Infrastructure.Tests.Remediation;

/// <summary>
/// A tenant on the Graph simulator, remediated as a scan with remediation would do it: read through
/// the SDK, evaluate, plan, write through <see cref="GraphDirectoryWriter"/>, read back through
/// <see cref="GraphDirectoryReadBack"/>.
/// </summary>
internal sealed class LiveRemediation : IAsyncDisposable
{
    private LiveRemediation(LiveTenant live, WatchdogConfig config)
    {
        Live = live;
        Config = config;
        live.Options.BaseUrl = live.Simulator.BaseUrl;
        var client = WatchdogGraphClient.Create(live.Options, TimeProvider.System);
        Writer = new GraphDirectoryWriter(client);
        ReadBack = new GraphDirectoryReadBack(client, live.Options, TimeProvider.System);
    }

    public LiveTenant Live { get; }
    public WatchdogConfig Config { get; set; }
    public GraphDirectoryWriter Writer { get; }
    public GraphDirectoryReadBack ReadBack { get; }

    public static async Task<LiveRemediation> StartAsync(TenantSnapshot snapshot, WatchdogConfig config) =>
        new(await LiveTenant.StartAsync(snapshot), config);

    /// <summary>One scan with remediation: read, evaluate, plan, execute.</summary>
    public async Task<RemediationOutcome> RunAsync(bool dryRun = false)
    {
        var snapshot = await Live.ReadAsync(Config);
        var plan = RemediationPlanner.Plan(ScanEvaluator.Evaluate(snapshot, Config, LiveTenant.Now), snapshot, Config, scanComplete: true);
        var executor = new RemediationExecutor(Writer, ReadBack, new RemediationExecutorOptions { ReadBackDelay = TimeSpan.Zero });
        return await executor.ExecuteAsync(plan, dryRun, CancellationToken.None);
    }

    /// <summary>A fresh scan of the tenant as it is now.</summary>
    public async Task<Evaluation> ScanAsync() =>
        ScanEvaluator.Evaluate(await Live.ReadAsync(Config), Config, LiveTenant.Now);

    /// <summary>Writes the simulator received (every POST, PATCH and DELETE but the read-only $batch envelopes).</summary>
    public long Writes() => Live.Simulator.Stats.Snapshot().ByPath
        .Where(p => p.Key.StartsWith("PATCH ", StringComparison.Ordinal) || p.Key.StartsWith("DELETE ", StringComparison.Ordinal)
            || (p.Key.StartsWith("POST ", StringComparison.Ordinal) && p.Key != "POST /v1.0/$batch"))
        .Sum(p => p.Value);

    public ValueTask DisposeAsync() => Live.DisposeAsync();
}
