using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Infrastructure.Graph;

namespace AdminMfaWatchdog.Benchmarks.Commands;

/// <summary>
/// <c>scan-worker --graph URL --tenant-id ID --config FILE --at TIME --report FILE</c>: the watchdog's
/// side of <c>scan</c>, in a process of its own so that its peak working set is the watchdog's alone
/// (not the generator's or the simulator's). Reads the tenant through the SDK as a scheduled scan
/// does, evaluates it, writes the report for the parent to compare, and prints its measurements.
/// </summary>
internal static class ScanWorkerCommand
{
    public const string Name = "scan-worker";

    public static async Task<int> RunAsync(BenchArguments arguments, TextWriter output)
    {
        arguments.Allow("--graph", "--tenant-id", "--config", "--at", "--report");
        WatchdogConfig config;
        await using (var file = File.OpenRead(arguments.Required("--config"))) config = ConfigJson.Read(file, "bench config");
        var referenceTime = DateTimeOffset.Parse(arguments.Required("--at"), CultureInfo.InvariantCulture);
        var options = new GraphOptions { BaseUrl = arguments.Required("--graph"), Anonymous = true, TenantId = arguments.Required("--tenant-id") };
        var counter = new CountingHandler { InnerHandler = new SocketsHttpHandler() };
        var reader = new GraphDirectoryReader(WatchdogGraphClient.Create(options, TimeProvider.System, counter), options, TimeProvider.System);

        var wall = Stopwatch.StartNew();
        var read = await reader.ReadAsync(config, CancellationToken.None);
        var readMs = wall.Elapsed.TotalMilliseconds;
        var evaluation = ScanEvaluator.Evaluate(read, config, referenceTime);
        var wallMs = wall.Elapsed.TotalMilliseconds;

        await File.WriteAllTextAsync(arguments.Required("--report"), Report(evaluation));
        using var process = Process.GetCurrentProcess();
        output.WriteLine(JsonSerializer.Serialize(new WorkerResult(
            counter.Requests, read.Users.Count, evaluation.Admins.Count, evaluation.Findings.Count,
            wallMs, readMs, wallMs - readMs, process.PeakWorkingSet64 / 1_048_576.0)));
        return 0;
    }

    /// <summary>Admins and findings as the report contract writes them: what "same report" compares.</summary>
    public static string Report(Evaluation evaluation) =>
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

/// <summary>What the worker measured, as the one line it prints.</summary>
internal sealed record WorkerResult(int Requests, int UsersRead, int Admins, int Findings, double WallMs, double ReadMs, double EvaluateMs, double PeakWorkingSetMb);
