using AdminMfaWatchdog.Core.Alerts;
using AdminMfaWatchdog.Core.Findings;
using AdminMfaWatchdog.Core.Ports;
using AdminMfaWatchdog.Core.Tests.Findings;
using static AdminMfaWatchdog.Core.Tests.Alerts.AlertKit;

namespace AdminMfaWatchdog.Core.Tests.Alerts;

public sealed class AlertNotifierTests
{
    /// <summary>Queues by batch id (as the real outbox does) and counts delivery runs.</summary>
    private sealed class RecordingOutbox : IAlertOutbox
    {
        public List<AlertBatch> Queued { get; } = [];

        public int DeliveryRuns { get; private set; }

        public Task<bool> EnqueueAsync(AlertBatch batch, CancellationToken cancellationToken)
        {
            if (Queued.Any(queued => queued.TenantId == batch.TenantId && queued.BatchId == batch.BatchId)) return Task.FromResult(false);
            Queued.Add(batch);
            return Task.FromResult(true);
        }

        public Task<AlertDeliveryReport> DeliverPendingAsync(CancellationToken cancellationToken)
        {
            DeliveryRuns++;
            return Task.FromResult(new AlertDeliveryReport(0, 0, 0));
        }
    }

    [Fact]
    public async Task A_run_queues_its_changes_and_delivers()
    {
        var outbox = new RecordingOutbox();
        var alice = Finding("alice");

        var result = await new AlertNotifier(outbox, new AlertPolicy()).NotifyAsync(Report(findings: [alice]), [Transition(TransitionKind.Opened, alice)], null, default);

        Assert.Equal("scan-1", Assert.Single(result.Queued).BatchId);
        Assert.Equal(1, outbox.DeliveryRuns);
    }

    [Fact]
    public async Task A_run_without_changes_queues_nothing_but_still_delivers_what_waits()
    {
        var outbox = new RecordingOutbox();
        var notifier = new AlertNotifier(outbox, new AlertPolicy());

        await notifier.NotifyAsync(Report("scan-1"), [], null, default);
        var second = await notifier.NotifyAsync(Report("scan-2"), [], null, default);

        Assert.Empty(second.Queued);
        Assert.Empty(outbox.Queued);
        Assert.Equal(2, outbox.DeliveryRuns);
    }

    [Fact]
    public async Task The_daily_digest_is_queued_once_a_day_from_the_ledgers_open_entries()
    {
        var outbox = new RecordingOutbox();
        var ledger = new InMemoryFindingStore();
        ledger.Put(Entry(Finding("alice", Severity.Critical)));
        ledger.Put(Entry(Finding("bob", Severity.High), FindingStatus.Resolved));
        var notifier = new AlertNotifier(outbox, new AlertPolicy(Severity.Medium, DailyDigest: true));

        await notifier.NotifyAsync(Report("scan-1"), [], ledger, default);
        await notifier.NotifyAsync(Report("scan-2"), [], ledger, default);
        await notifier.NotifyAsync(Report("scan-3") with { CompletedAt = Monday.AddDays(1) }, [], ledger, default);

        Assert.Equal(["digest-2026-11-23", "digest-2026-11-24"], outbox.Queued.Select(batch => batch.BatchId));
        Assert.Equal(["alice"], outbox.Queued[0].Items.Select(item => item.Subject!.Id));
    }

    [Fact]
    public async Task No_digest_from_an_incomplete_scan_or_without_the_setting()
    {
        var outbox = new RecordingOutbox();
        var ledger = new InMemoryFindingStore();
        ledger.Put(Entry(Finding("alice", Severity.Critical)));

        await new AlertNotifier(outbox, new AlertPolicy(DailyDigest: true)).NotifyAsync(Report(complete: false, error: "503"), [], ledger, default);
        await new AlertNotifier(outbox, new AlertPolicy(DailyDigest: false)).NotifyAsync(Report("scan-2"), [], ledger, default);

        Assert.Equal([AlertBatchKind.Changes], outbox.Queued.Select(batch => batch.Kind)); // the incomplete scan's own alert only
    }
}
