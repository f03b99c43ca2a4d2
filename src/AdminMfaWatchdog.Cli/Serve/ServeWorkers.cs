using AdminMfaWatchdog.Core.Ports;
using AdminMfaWatchdog.Infrastructure.Hosting.Background;
using AdminMfaWatchdog.Infrastructure.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AdminMfaWatchdog.Cli.Serve;

/// <summary>
/// The Functions app's timer and queue triggers as loops: the scan timer (<c>Watchdog:ScanInterval</c>),
/// the change queue, the subscription check and the audit poll. They start once Kestrel listens,
/// because creating a subscription makes Graph call this server's notification route.
/// </summary>
internal sealed class ServeWorkers(WatchdogHost host, TimeSpan scanInterval, IHostApplicationLifetime lifetime, ILoggerFactory loggers) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled()))
        {
            try
            {
                await started.Task;
            }
            catch (TaskCanceledException)
            {
                return;
            }
        }

        var runtime = host.Runtime;
        var logger = loggers.CreateLogger<ServeWorkers>();
        var loops = new List<Task>
        {
            PeriodicWork.RunAsync("Timer scan", scanInterval, async ct => Log(logger, await runtime.ScanAsync(ScanTriggers.Timer, dryRun: false, ct)), runtime.Clock, logger, stoppingToken),
        };
        if (runtime.Changes is { } queue)
            loops.Add(new ChangeQueueWorker(queue, host.Changes, runtime.Clock, loggers.CreateLogger<ChangeQueueWorker>()).RunAsync(stoppingToken));
        if (host.Subscriptions is { } subscriptions)
            loops.Add(PeriodicWork.RunAsync("Subscription check", runtime.Notifications.SubscriptionCheckInterval, subscriptions.EnsureAsync, runtime.Clock, logger, stoppingToken));
        if (host.Audit is { } audit)
            loops.Add(PeriodicWork.RunAsync("Audit log poll", runtime.Notifications.AuditPollInterval, audit.PollAsync, runtime.Clock, logger, stoppingToken));
        await Task.WhenAll(loops);
    }

    private static void Log(ILogger logger, Core.Engine.ScanOutcome outcome)
    {
        var report = outcome.Report;
        if (report.Complete) logger.LogInformation("Scan {ScanId} complete: {Findings} finding(s).", report.ScanId, report.Findings.Count);
        else logger.LogError("Scan {ScanId} incomplete: {Error}", report.ScanId, report.Error);
    }
}
