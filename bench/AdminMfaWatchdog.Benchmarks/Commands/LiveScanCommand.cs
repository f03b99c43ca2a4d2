using System.Diagnostics;
using System.Text;
using System.Text.Json;
using AdminMfaWatchdog.Benchmarks.Tenants;
using AdminMfaWatchdog.Core.Directory;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Infrastructure.Graph;
using GraphSimulator;
using GraphSimulator.State;

namespace AdminMfaWatchdog.Benchmarks.Commands;

/// <summary>
/// <c>scan --tenant SIZE [--latency-ms N] [--json]</c>: one full live scan of a synthetic tenant served
/// by the Graph simulator on loopback, as a scheduled run does it: read through the SDK (with the CA
/// spacing Graph demands), then evaluate. Counts HTTP round trips at the client and Graph requests
/// (batch steps included) at the simulator, and checks the report equals the snapshot scan's.
/// </summary>
internal static class LiveScanCommand
{
    public static async Task<int> RunAsync(BenchArguments arguments, TextWriter output)
    {
        arguments.Allow("--tenant", "--latency-ms", "--json", "--seed");
        var size = TenantOption.Read(arguments);
        var latency = TimeSpan.FromMilliseconds(arguments.Int("--latency-ms", 20, min: 0));
        var tenant = SyntheticTenantGenerator.Generate(size, arguments.Seed(SyntheticTenantGenerator.DefaultSeed));
        TenantShape.Verify(tenant);
        string json;
        using (var buffer = new MemoryStream())
        {
            SnapshotJsonWriter.Write(tenant.Snapshot, buffer);
            json = Encoding.UTF8.GetString(buffer.ToArray());
        }

        await using var simulator = await GraphSimulatorHost.StartAsync(TenantState.FromJson(json), new SimulatorOptions { Latency = latency });
        var options = new GraphOptions { BaseUrl = simulator.BaseUrl, Anonymous = true, TenantId = tenant.Snapshot.TenantId };
        var counter = new CountingHandler { InnerHandler = new SocketsHttpHandler() };
        var reader = new GraphDirectoryReader(WatchdogGraphClient.Create(options, TimeProvider.System, counter), options, TimeProvider.System);

        var wall = Stopwatch.StartNew();
        var read = await reader.ReadAsync(tenant.Config, CancellationToken.None);
        var readMs = wall.Elapsed.TotalMilliseconds;
        var evaluation = ScanEvaluator.Evaluate(read, tenant.Config, tenant.ReferenceTime);
        var wallMs = wall.Elapsed.TotalMilliseconds;

        var offline = ScanEvaluator.Evaluate(tenant.Snapshot, tenant.Config, tenant.ReferenceTime);
        var sameReport = Serialize(offline) == Serialize(evaluation);
        var stats = simulator.Stats.Snapshot();
        using var process = Process.GetCurrentProcess();
        var result = new
        {
            tenant = size.Name,
            users = tenant.Snapshot.Users.Count,
            admins = evaluation.Admins.Count,
            requests = counter.Requests,
            graphRequests = stats.Requests,
            batches = stats.Batches,
            usersRead = read.Users.Count,
            wallMs = Math.Round(wallMs, 1),
            readMs = Math.Round(readMs, 1),
            latencyMs = latency.TotalMilliseconds,
            evaluateMs = Math.Round(wallMs - readMs, 1),
            peakWorkingSetMb = Math.Round(process.PeakWorkingSet64 / 1_048_576.0),
            findings = evaluation.Findings.Count,
            sameReport,
        };
        output.WriteLine(arguments.Flag("--json")
            ? JsonSerializer.Serialize(result)
            : string.Join(Environment.NewLine, result.GetType().GetProperties().Select(p => $"{p.Name,-18} {p.GetValue(result)}")));
        return sameReport ? 0 : 1;
    }

    private static string Serialize(Evaluation evaluation) =>
        JsonSerializer.Serialize(new { evaluation.Admins, evaluation.Findings }, ScanReportJson.Options);

    /// <summary>HTTP round trips as the client sends them: a $batch of 20 is one, a retry is another.</summary>
    private sealed class CountingHandler : DelegatingHandler
    {
        private int _requests;

        public int Requests => _requests;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
