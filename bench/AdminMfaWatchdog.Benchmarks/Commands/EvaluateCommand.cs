using System.Diagnostics;
using AdminMfaWatchdog.Benchmarks.Tenants;
using AdminMfaWatchdog.Core.Directory;
using AdminMfaWatchdog.Core.Engine;

namespace AdminMfaWatchdog.Benchmarks.Commands;

/// <summary>
/// <c>evaluate --tenant SIZE [--iterations N] [--json] [--seed N]</c>: times <see cref="ScanEvaluator.Evaluate"/>,
/// everything a scan computes once the tenant has been read. The tenant goes through its JSON first
/// (which is timed too), so the engine sees what a scan of a snapshot file sees: strings freshly read,
/// not shared with the generator.
/// </summary>
internal static class EvaluateCommand
{
    public const int Reads = 3;
    public const int WarmUps = 3;

    public static int Run(BenchArguments arguments, TextWriter output)
    {
        arguments.Allow("--tenant", "--iterations", "--json", "--seed");
        var size = TenantOption.Read(arguments);
        var iterations = arguments.Int("--iterations", 10, min: 1);
        var json = arguments.Flag("--json");
        var tenant = SyntheticTenantGenerator.Generate(size, arguments.Seed(SyntheticTenantGenerator.DefaultSeed));
        TenantShape.Verify(tenant);

        var (snapshot, snapshotMb, readMs) = RoundTrip(tenant.Snapshot);
        var config = tenant.Config;
        var now = tenant.ReferenceTime;
        tenant = null;
        Settle();

        // A scanning host runs for days: measure the steady state, after tiered compilation has
        // optimised the hot paths (on a busy machine its background thread needs a few runs to get there).
        var evaluation = ScanEvaluator.Evaluate(snapshot, config, now);
        for (var i = 1; i < WarmUps; i++) ScanEvaluator.Evaluate(snapshot, config, now);
        var times = new double[iterations];
        long allocated = 0;
        for (var i = 0; i < iterations; i++)
        {
            Settle();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            ScanEvaluator.Evaluate(snapshot, config, now);
            times[i] = clock.Elapsed.TotalMilliseconds;
            allocated += GC.GetTotalAllocatedBytes(precise: true) - before;
        }

        using var process = Process.GetCurrentProcess();
        var measurement = new EvaluationMeasurement(size.Name, snapshot.Users.Count, snapshot.Groups.Count, evaluation.Admins.Count,
            snapshot.ConditionalAccessPolicies.Count, evaluation.Findings.Count, iterations,
            Median(times), times.Min(), times.Max(), allocated / (double)iterations / 1_048_576,
            process.PeakWorkingSet64 / 1_048_576.0, snapshotMb, readMs);
        if (json) measurement.WriteJson(output);
        else measurement.WriteText(output);
        return 0;
    }

    /// <summary>Writes the snapshot and reads it back <see cref="Reads"/> times: the copy read last, its size, the median read time.</summary>
    private static (TenantSnapshot Snapshot, double Mb, double ReadMs) RoundTrip(TenantSnapshot generated)
    {
        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            SnapshotJsonWriter.Write(generated, buffer);
            bytes = buffer.ToArray();
        }
        TenantSnapshot? snapshot = null;
        var times = new double[Reads];
        for (var i = 0; i < Reads; i++)
        {
            snapshot = null;
            Settle();
            var clock = Stopwatch.StartNew();
            snapshot = SnapshotJson.Read(new MemoryStream(bytes, writable: false), "generated snapshot");
            times[i] = clock.Elapsed.TotalMilliseconds;
        }
        return (snapshot!, bytes.Length / 1_048_576.0, Median(times));
    }

    /// <summary>Starts each timed run from the same heap: the garbage of the one before is not its cost.</summary>
    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
