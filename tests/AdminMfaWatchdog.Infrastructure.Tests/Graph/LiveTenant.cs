using System.Text;
using System.Text.Json;
using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Core.Directory;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Infrastructure.Graph;
using GraphSimulator;
using GraphSimulator.State;

namespace AdminMfaWatchdog.Infrastructure.Tests.Graph;

/// <summary>A tenant served by the Graph simulator and read back through the real SDK, as a live scan does.</summary>
internal sealed class LiveTenant : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private LiveTenant(GraphSimulatorHost simulator, string snapshotJson)
    {
        Simulator = simulator;
        SnapshotJson = snapshotJson;
    }

    public GraphSimulatorHost Simulator { get; }
    public string SnapshotJson { get; }

    /// <summary>Fast settings for tests: tiny backoffs, no CA spacing unless a test turns it on.</summary>
    public GraphOptions Options { get; } = new()
    {
        Anonymous = true,
        BaseDelay = TimeSpan.FromMilliseconds(20),
        ConditionalAccessSpacing = TimeSpan.Zero,
        RequestTimeout = TimeSpan.FromSeconds(5),
        MaxRetries = 3,
    };

    public static Task<LiveTenant> StartAsync(TenantSnapshot snapshot)
    {
        using var stream = new MemoryStream();
        SnapshotJsonWriter.Write(snapshot, stream);
        return StartAsync(Encoding.UTF8.GetString(stream.ToArray()));
    }

    public static async Task<LiveTenant> StartAsync(string snapshotJson) =>
        new(await GraphSimulatorHost.StartAsync(TenantState.FromJson(snapshotJson)), snapshotJson);

    public GraphDirectoryReader Reader()
    {
        Options.BaseUrl = Simulator.BaseUrl;
        return new GraphDirectoryReader(WatchdogGraphClient.Create(Options, TimeProvider.System), Options, TimeProvider.System);
    }

    public async Task<TenantSnapshot> ReadAsync(WatchdogConfig config) => await Reader().ReadAsync(config, CancellationToken.None);

    /// <summary>Admins and findings as the report contract writes them, for whole-report comparison.</summary>
    public static string Report(TenantSnapshot snapshot, WatchdogConfig config)
    {
        var evaluation = ScanEvaluator.Evaluate(snapshot, config, Now);
        return JsonSerializer.Serialize(new { evaluation.Admins, evaluation.Findings }, ScanReportJson.Options);
    }

    public string SnapshotReport(WatchdogConfig config) =>
        Report(Core.Directory.SnapshotJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(SnapshotJson)), "snapshot"), config);

    public ValueTask DisposeAsync() => Simulator.DisposeAsync();
}
