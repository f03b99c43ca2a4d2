using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Findings;
using AdminMfaWatchdog.Core.Ports;

namespace AdminMfaWatchdog.Core.Tests.Findings;

public sealed class LedgerUpdateTests
{
    private const string Tenant = "t";
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Tuesday = Monday.AddDays(1);
    private static readonly HashSet<string> NoneRemediated = [];

    private static Finding Finding(string subject) =>
        new("admin-not-covered", Severity.High, SubjectType.User, subject, subject, null, $"{subject} can sign in without MFA", [],
            FindingFingerprint.Compute(Tenant, "admin-not-covered", subject, null));

    private static ScanReport Scan(string scanId, DateTimeOffset at, bool complete, params Finding[] findings) =>
        new(Tenant, scanId, at, at, complete, [], findings, []);

    private static LedgerEntry Open(Finding finding, int occurrences = 1, string scanId = "scan-1") =>
        new(finding, FindingStatus.Open, Monday, Monday, null, occurrences, scanId);

    [Fact]
    public async Task A_first_scan_opens_every_finding_in_one_write()
    {
        var store = new InMemoryFindingStore();

        var result = await new LedgerUpdate(store).ApplyAsync(Scan("scan-1", Monday, true, Finding("alice"), Finding("bob")), NoneRemediated, default);

        Assert.Equal((2, 1), (result.RowsWritten, result.Attempts));
        Assert.All(result.Transitions, t => Assert.Equal(TransitionKind.Opened, t.Kind));
        Assert.All(store.Rows, row => Assert.Equal((FindingStatus.Open, 1, "scan-1"), (row.Status, row.Occurrences, row.LastScanId)));
    }

    [Fact]
    public async Task A_row_another_writer_changed_is_reconciled_again_from_what_is_stored()
    {
        var (alice, bob) = (Finding("alice"), Finding("bob"));
        var store = new InMemoryFindingStore();
        store.Put(Open(alice, 3));
        store.Put(Open(bob, 3));
        store.BeforeWrite = other =>
        {
            other.BeforeWrite = null;
            other.Put(other[alice.Fingerprint] with { Occurrences = 9 });
        };

        var result = await new LedgerUpdate(store).ApplyAsync(Scan("scan-2", Tuesday, true, alice, bob), NoneRemediated, default);

        Assert.Equal((2, 2), (result.Attempts, result.RowsWritten));
        Assert.Empty(result.Transitions);
        Assert.Equal((10, Tuesday), (store[alice.Fingerprint].Occurrences, store[alice.Fingerprint].LastSeen));
        Assert.Equal(4, store[bob.Fingerprint].Occurrences);
    }

    [Fact]
    public async Task A_row_another_writer_created_first_is_counted_and_not_announced_twice()
    {
        var alice = Finding("alice");
        var store = new InMemoryFindingStore { BeforeWrite = other => { other.BeforeWrite = null; other.Put(Open(alice, 1, "scan-other")); } };

        var result = await new LedgerUpdate(store).ApplyAsync(Scan("scan-2", Tuesday, true, alice), NoneRemediated, default);

        Assert.Empty(result.Transitions); // the other writer opened it, and announces it
        Assert.Equal((FindingStatus.Open, Monday, 2, "scan-2"), Facts(store[alice.Fingerprint]));
    }

    [Fact]
    public async Task A_resolution_another_writer_already_made_is_not_made_again()
    {
        var alice = Finding("alice");
        var store = new InMemoryFindingStore();
        store.Put(Open(alice));
        store.BeforeWrite = other =>
        {
            other.BeforeWrite = null;
            other.Put(other[alice.Fingerprint] with { Status = FindingStatus.Resolved, ResolvedAt = Monday.AddHours(1), LastScanId = "scan-other" });
        };

        var result = await new LedgerUpdate(store).ApplyAsync(Scan("scan-2", Tuesday, true), NoneRemediated, default);

        Assert.Equal((0, 1), (result.RowsWritten, result.Attempts));
        Assert.Empty(result.Transitions);
        Assert.Equal((FindingStatus.Resolved, Monday.AddHours(1), "scan-other"),
            (store[alice.Fingerprint].Status, store[alice.Fingerprint].ResolvedAt, store[alice.Fingerprint].LastScanId));
    }

    [Fact]
    public async Task A_write_that_landed_though_its_response_was_lost_is_counted_once()
    {
        var alice = Finding("alice");
        var store = new InMemoryFindingStore { LoseNextWriteResponse = true };
        store.Put(Open(alice, 3));

        var result = await new LedgerUpdate(store).ApplyAsync(Scan("scan-2", Tuesday, true, alice, Finding("bob")), NoneRemediated, default);

        Assert.Equal((1, 2), (result.Attempts, result.RowsWritten));
        Assert.Equal(4, store[alice.Fingerprint].Occurrences);
        Assert.Equal(TransitionKind.Opened, Assert.Single(result.Transitions).Kind);
    }

    [Fact]
    public async Task Conflicts_that_never_stop_give_up_after_the_bounded_attempts()
    {
        var alice = Finding("alice");
        var store = new InMemoryFindingStore();
        store.Put(Open(alice));
        store.BeforeWrite = other => other.Put(other[alice.Fingerprint] with { Occurrences = other[alice.Fingerprint].Occurrences + 1 });

        var failure = await Assert.ThrowsAsync<LedgerUpdateException>(() =>
            new LedgerUpdate(store, maxAttempts: 3).ApplyAsync(Scan("scan-2", Tuesday, true, alice), NoneRemediated, default));

        Assert.Equal(3, store.Writes);
        Assert.Contains("still conflicted after 3 attempts", failure.Message);
        Assert.Contains("scan lease", failure.Message);
        Assert.Equal(4, store[alice.Fingerprint].Occurrences); // only the other writer's sightings: nothing of ours half-applied
    }

    [Fact]
    public async Task A_store_failing_mid_write_reports_the_transitions_already_written()
    {
        var store = new InMemoryFindingStore { FailAfterEntries = 2 };
        var findings = new[] { Finding("alice"), Finding("bob"), Finding("carol") };

        var failure = await Assert.ThrowsAsync<LedgerUpdateException>(() =>
            new LedgerUpdate(store).ApplyAsync(Scan("scan-1", Monday, true, findings), NoneRemediated, default));

        Assert.IsType<FindingStoreException>(failure.InnerException);
        Assert.StartsWith("The findings ledger of tenant t could not be updated: Could not write", failure.Message);
        Assert.Contains("2 row(s) had been written", failure.Message);
        Assert.Equal(store.Rows.Select(row => row.Fingerprint).Order(), failure.AppliedTransitions.Select(t => t.Entry.Fingerprint).Order());
    }

    [Fact]
    public async Task An_incomplete_scan_that_found_nothing_does_not_touch_the_store()
    {
        var store = new InMemoryFindingStore();
        store.Put(Open(Finding("alice")));

        var result = await new LedgerUpdate(store).ApplyAsync(Scan("scan-2", Tuesday, false), NoneRemediated, default);

        Assert.Equal((0, 0, 0, 0), (store.Loads, store.Writes, result.Attempts, result.Transitions.Count));
    }

    [Fact]
    public async Task Remediated_fingerprints_close_as_remediated()
    {
        var (alice, bob) = (Finding("alice"), Finding("bob"));
        var store = new InMemoryFindingStore();
        store.Put(Open(alice));
        store.Put(Open(bob));

        var result = await new LedgerUpdate(store).ApplyAsync(Scan("scan-2", Tuesday, true), new HashSet<string> { bob.Fingerprint }, default);

        Assert.Equal(
            new[] { (alice.Fingerprint, TransitionKind.Resolved), (bob.Fingerprint, TransitionKind.Remediated) }.Order(),
            result.Transitions.Select(t => (t.Entry.Fingerprint, t.Kind)).Order());
        Assert.Equal(FindingStatus.Remediated, store[bob.Fingerprint].Status);
    }

    [Fact]
    public void A_scan_record_counts_admins_findings_and_transitions()
    {
        var alice = Open(Finding("alice"));
        var report = Scan("scan-1", Monday, true, Finding("alice"), Finding("bob") with { Severity = Severity.Low }) with
        {
            Admins = [new("a", null, null, true, [], Coverage.Partial, [], []), new("b", null, null, false, [], Coverage.Disabled, [], [])],
            Error = null,
        };

        var record = ScanRecord.From(report, ScanTriggers.Notification, [new(TransitionKind.Opened, alice), new(TransitionKind.Reopened, alice), new(TransitionKind.Opened, alice)]);

        Assert.Equal(("notification", true, 2, 1, 0, 0), (record.Trigger, record.Complete, record.Opened, record.Reopened, record.Resolved, record.Remediated));
        Assert.Equal((1, 1, 0), (record.AdminsByCoverage[Coverage.Partial], record.AdminsByCoverage[Coverage.Disabled], record.AdminsByCoverage[Coverage.Covered]));
        Assert.Equal((1, 1, 0), (record.FindingsBySeverity[Severity.High], record.FindingsBySeverity[Severity.Low], record.FindingsBySeverity[Severity.Critical]));
    }

    private static (FindingStatus, DateTimeOffset, int, string) Facts(LedgerEntry entry) => (entry.Status, entry.FirstSeen, entry.Occurrences, entry.LastScanId);
}
