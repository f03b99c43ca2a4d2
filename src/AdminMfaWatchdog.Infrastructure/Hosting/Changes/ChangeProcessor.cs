using AdminMfaWatchdog.Core.Ports;
using AdminMfaWatchdog.Infrastructure.Hosting.Subscriptions;
using Microsoft.Extensions.Logging;

namespace AdminMfaWatchdog.Infrastructure.Hosting.Changes;

/// <summary>What became of a queued change.</summary>
public enum ChangeOutcome
{
    /// <summary>A complete scan that started after the change was received had already read it.</summary>
    AlreadyScanned,

    /// <summary>This change ran a complete scan.</summary>
    Scanned,
}

/// <summary>A change could not be scanned (the scan was incomplete): the message stays queued and is tried again.</summary>
public sealed class ChangeNotScannedException(string message) : Exception(message);

/// <summary>
/// Turns queued changes into scans, a burst into one scan: each change first waits out the debounce, so
/// the rest of its burst lands, and is then covered by any complete scan that started after it was
/// received (here or in another instance, per the ledger) or else runs one. Lifecycle events are acted
/// on first, so a removed subscription is back before the scan that follows it. A notification's scan
/// may reuse recent named locations and strengths (users and members cannot change them); an audited
/// or lifecycle change is covered only by a scan that read everything.
/// </summary>
public sealed class ChangeProcessor(WatchdogRuntime runtime, SubscriptionManager? subscriptions, ILogger<ChangeProcessor> logger)
{
    /// <exception cref="ChangeNotScannedException">the scan was incomplete.</exception>
    public async Task<ChangeOutcome> ProcessAsync(ChangeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (subscriptions is not null)
        {
            foreach (var lifecycle in message.Changes.Where(change => change.LifecycleEvent is not null))
            {
                await subscriptions.HandleLifecycleAsync(lifecycle.Id, lifecycle.LifecycleEvent!, cancellationToken).ConfigureAwait(false);
            }
        }

        var freshReadsOnly = message.Source != ChangeSource.Notification;
        if (await runtime.HasCompleteScanSinceAsync(message.ReceivedAt, freshReadsOnly, cancellationToken).ConfigureAwait(false)) return ChangeOutcome.AlreadyScanned;
        var quietUntil = message.ReceivedAt + runtime.Notifications.Debounce;
        var wait = quietUntil - runtime.Clock.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, runtime.Clock, cancellationToken).ConfigureAwait(false);
            if (await runtime.HasCompleteScanSinceAsync(message.ReceivedAt, freshReadsOnly, cancellationToken).ConfigureAwait(false)) return ChangeOutcome.AlreadyScanned;
        }

        var outcome = await runtime.ScanAsync(Trigger(message.Source), dryRun: false, cancellationToken).ConfigureAwait(false);
        var report = outcome.Report;
        if (!report.Complete)
            throw new ChangeNotScannedException($"the scan for a {message.Source.ToString().ToLowerInvariant()} change was incomplete: {report.Error}");
        logger.LogInformation("Scan {ScanId} for {Count} {Source} change(s): {Findings} finding(s), {Transitions} ledger transition(s), {Actions} action(s) ({Applied} applied).",
            report.ScanId, message.Changes.Count, message.Source, report.Findings.Count, outcome.Transitions.Count, report.Actions.Count,
            report.Actions.Count(action => action.Status == Core.Engine.ActionStatus.Applied));
        return ChangeOutcome.Scanned;
    }

    private static string Trigger(ChangeSource source) => source switch
    {
        ChangeSource.Notification => ScanTriggers.Notification,
        ChangeSource.Audit => ScanTriggers.Audit,
        _ => ScanTriggers.Lifecycle,
    };
}
