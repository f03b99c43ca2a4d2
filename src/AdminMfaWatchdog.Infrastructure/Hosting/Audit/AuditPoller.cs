using AdminMfaWatchdog.Infrastructure.Graph;
using AdminMfaWatchdog.Infrastructure.Hosting.Changes;
using Microsoft.Extensions.Logging;

namespace AdminMfaWatchdog.Infrastructure.Hosting.Audit;

/// <summary>What one poll read and queued.</summary>
public sealed record AuditPoll(int Read, int Relevant);

/// <summary>
/// Reads the directory audit log since a stored cursor and queues one change when an entry matters
/// (<see cref="AuditRelevance"/>). Audit entries can appear minutes after their activity time, so each
/// poll reads back over <see cref="Overlap"/> and skips the entries it has already seen. The change is
/// queued before the cursor moves: a crash in between reads the entries again rather than losing them.
/// </summary>
public sealed class AuditPoller(
    WatchdogRuntime runtime, GraphAuditLogReader reader, AuditCursorStore cursors, ChangeQueue queue, ILogger<AuditPoller> logger)
{
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(10);

    /// <summary>The first poll looks back this far: the timer scan covers anything older.</summary>
    public static readonly TimeSpan FirstLookBack = TimeSpan.FromMinutes(5);

    public async Task<AuditPoll> PollAsync(CancellationToken cancellationToken)
    {
        var now = runtime.Clock.GetUtcNow();
        var cursor = await cursors.GetAsync(cancellationToken).ConfigureAwait(false) ?? new AuditCursor(now - FirstLookBack, []);
        var seen = cursor.SeenIds.ToHashSet(StringComparer.Ordinal);
        var entries = await reader.ReadSinceAsync(cursor.ReadUpTo - Overlap, cancellationToken).ConfigureAwait(false);
        var relevant = entries.Where(entry => !seen.Contains(entry.Id) && AuditRelevance.Matters(entry)).ToList();
        if (relevant.Count > 0)
        {
            var changes = relevant.Select(entry => new ChangeItem(entry.Id, entry.Activity, entry.TargetIds.FirstOrDefault())).ToList();
            await queue.EnqueueAsync(new ChangeMessage(ChangeSource.Audit, now, changes), cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Queued {Count} audited change(s) for a scan.", relevant.Count);
        }

        var readUpTo = entries.Select(entry => entry.ActivityDateTime).Append(cursor.ReadUpTo).Max();
        var stillInWindow = entries.Where(entry => entry.ActivityDateTime >= readUpTo - Overlap).Select(entry => entry.Id);
        await cursors.SaveAsync(new AuditCursor(readUpTo, stillInWindow.Distinct(StringComparer.Ordinal).ToList()), cancellationToken).ConfigureAwait(false);
        return new AuditPoll(entries.Count, relevant.Count);
    }
}
