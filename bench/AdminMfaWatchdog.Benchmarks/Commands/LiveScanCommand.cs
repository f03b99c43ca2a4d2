using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using AdminMfaWatchdog.Benchmarks.Tenants;
using AdminMfaWatchdog.Core.Directory;
using AdminMfaWatchdog.Core.Engine;
using GraphSimulator;
using GraphSimulator.State;

namespace AdminMfaWatchdog.Benchmarks.Commands;

/// <summary>
/// <c>scan --tenant SIZE [--latency-ms N] [--json]</c>: one full live scan of a synthetic tenant served
/// by the Graph simulator on loopback, as a scheduled run does it: read through the SDK (with the CA
/// spacing Graph demands), then evaluate. The watchdog runs in a child process
/// (<see cref="ScanWorkerCommand"/>), so that its peak working set is not the generator's or the
/// simulator's; this process serves the tenant, counts Graph requests (batch steps included) at the
/// simulator, and checks the report equals the snapshot scan's.
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

        var offlineReport = ScanWorkerCommand.Report(ScanEvaluator.Evaluate(tenant.Snapshot, tenant.Config, tenant.ReferenceTime));
        await using var simulator = await GraphSimulatorHost.StartAsync(TenantState.FromJson(json), new SimulatorOptions { Latency = latency });
        var directory = Directory.CreateTempSubdirectory("adminmfa-bench-");
        try
        {
            var configPath = Path.Combine(directory.FullName, "config.json");
            var reportPath = Path.Combine(directory.FullName, "report.json");
            await using (var file = File.Create(configPath)) ConfigJsonWriter.Write(tenant.Config, file);
            var worker = await RunWorkerAsync(
                "--graph", simulator.BaseUrl, "--tenant-id", tenant.Snapshot.TenantId, "--config", configPath,
                "--at", tenant.ReferenceTime.ToString("O", CultureInfo.InvariantCulture), "--report", reportPath);
            var sameReport = await File.ReadAllTextAsync(reportPath) == offlineReport;
            var stats = simulator.Stats.Snapshot();
            var result = new
            {
                tenant = size.Name,
                users = tenant.Snapshot.Users.Count,
                admins = worker.Admins,
                requests = worker.Requests,
                graphRequests = stats.Requests,
                batches = stats.Batches,
                usersRead = worker.UsersRead,
                wallMs = Math.Round(worker.WallMs, 1),
                readMs = Math.Round(worker.ReadMs, 1),
                latencyMs = latency.TotalMilliseconds,
                evaluateMs = Math.Round(worker.EvaluateMs, 1),
                peakWorkingSetMb = Math.Round(worker.PeakWorkingSetMb),
                findings = worker.Findings,
                sameReport,
            };
            output.WriteLine(arguments.Flag("--json")
                ? JsonSerializer.Serialize(result)
                : string.Join(Environment.NewLine, result.GetType().GetProperties().Select(p => $"{p.Name,-18} {p.GetValue(result)}")));
            return sameReport ? 0 : 1;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Runs this benchmark executable's <c>scan-worker</c> and reads the one line it prints.</summary>
    private static async Task<WorkerResult> RunWorkerAsync(params string[] arguments)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("the benchmark's own executable is unknown");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true };
        // Under `dotnet X.dll` the process is the host: the worker needs the assembly named again.
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        start.ArgumentList.Add(ScanWorkerCommand.Name);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("the scan worker did not start");
        var line = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"the scan worker failed with exit code {process.ExitCode}");
        return JsonSerializer.Deserialize<WorkerResult>(line) ?? throw new InvalidOperationException("the scan worker printed no result");
    }
}
