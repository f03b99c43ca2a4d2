using AdminMfaWatchdog.Benchmarks.Micro;
using AdminMfaWatchdog.Benchmarks.Commands;
using AdminMfaWatchdog.Core.Json;

const string Usage = """
    usage (run with -c Release):
      generate --tenant small|large|xlarge --output FILE [--config-output FILE] [--seed N]
          write the synthetic tenant's snapshot JSON (and its watchdog configuration), checked and read back
      evaluate --tenant small|large|xlarge [--iterations 10] [--json] [--seed N]
          time the engine's evaluation of the tenant (and the snapshot JSON read)
      scan --tenant small|large|xlarge [--latency-ms 20] [--json] [--seed N]
          serve the tenant from the Graph simulator with that latency per request, run one full live
          read through the Microsoft Graph SDK and evaluate it; count the requests; check the report
          equals the snapshot scan's (the watchdog runs in a child process: scan-worker, not for direct use)
      notify [--tenant demo|small|large|xlarge] [--changes 100] [--debounce-ms 0] [--latency-ms 20] [--no-reuse] [--json] [--seed N]
          run `watchdog serve` over the tenant (default: the demo tenant of samples/; Graph simulator with that
          latency, Azurite, an alert receiver, all on loopback); take a service account out of the exclusion group that many times,
          one at a time, and report p50/p95 of change -> finding stored and change -> alert received
          (--no-reuse: notification scans read named locations and strengths too, as other scans do)
      micro [BenchmarkDotNet arguments, e.g. --filter '*']
          BenchmarkDotNet micro-benchmarks of the evaluator (in process, on the small and large tenants)
    """;

try
{
    var arguments = BenchArguments.Parse(args);
    return arguments.Command switch
    {
        "generate" => GenerateCommand.Run(arguments, Console.Out),
        "evaluate" => EvaluateCommand.Run(arguments, Console.Out),
        "scan" => await LiveScanCommand.RunAsync(arguments, Console.Out),
        ScanWorkerCommand.Name => await ScanWorkerCommand.RunAsync(arguments, Console.Out),
        "notify" => await NotifyCommand.RunAsync(arguments, Console.Out),
        "micro" => MicroBenchmarks.Run(args[1..]),
        _ => throw new UsageException($"unknown command '{arguments.Command}'"),
    };
}
catch (UsageException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    Console.Error.WriteLine(Usage);
    return 2;
}
catch (Exception e) when (e is InvalidOperationException or InvalidInputException)
{
    // A generated tenant that is not what was asked for, or that the engine refuses or reads back differently.
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
