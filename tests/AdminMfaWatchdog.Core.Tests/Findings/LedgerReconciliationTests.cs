using AdminMfaWatchdog.Core.Findings;

namespace AdminMfaWatchdog.Core.Tests.Findings;

public sealed class LedgerReconciliationTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Tuesday = Monday.AddDays(1);
    private static readonly HashSet<string> NoneRemediated = [];

    private static Finding Finding(string subject, Severity severity = Severity.High) =>
        new("admin-not-covered", severity, SubjectType.User, subject, subject, null, $"{subject} can sign in without MFA", [],
            FindingFingerprint.Compute("t", "admin-not-covered", subject, null));

    private static LedgerEntry Entry(Finding finding, FindingStatus status, int occurrences = 1) =>
        new(finding, status, Monday, Monday, status == FindingStatus.Open ? null : Monday, occurrences, "scan-1");

    [Fact]
    public void A_new_finding_opens()
    {
        var result = LedgerReconciliation.Reconcile([], [Finding("alice")], true, "scan-2", Tuesday, NoneRemediated);

        var entry = Assert.Single(result.Changes);
        Assert.Equal((FindingStatus.Open, Tuesday, Tuesday, 1, "scan-2"), (entry.Status, entry.FirstSeen, entry.LastSeen, entry.Occurrences, entry.LastScanId));
        Assert.Equal(TransitionKind.Opened, Assert.Single(result.Transitions).Kind);
    }

    [Fact]
    public void A_finding_seen_again_counts_but_is_no_transition()
    {
        var alice = Finding("alice");

        var result = LedgerReconciliation.Reconcile([Entry(alice, FindingStatus.Open, 3)], [alice with { Severity = Severity.Critical }], true, "scan-2", Tuesday, NoneRemediated);

        var entry = Assert.Single(result.Changes);
        Assert.Equal((FindingStatus.Open, Monday, Tuesday, 4, Severity.Critical), (entry.Status, entry.FirstSeen, entry.LastSeen, entry.Occurrences, entry.Finding.Severity));
        Assert.Empty(result.Transitions);
    }

    [Fact]
    public void An_open_finding_absent_from_a_complete_scan_resolves_or_is_remediated()
    {
        var alice = Finding("alice");
        var bob = Finding("bob");

        var result = LedgerReconciliation.Reconcile([Entry(alice, FindingStatus.Open), Entry(bob, FindingStatus.Open)], [], true, "scan-2", Tuesday,
            new HashSet<string> { bob.Fingerprint });

        Assert.Equal([(alice.Fingerprint, TransitionKind.Resolved), (bob.Fingerprint, TransitionKind.Remediated)],
            result.Transitions.Select(t => (t.Entry.Fingerprint, t.Kind)).ToArray());
        Assert.All(result.Changes, e => Assert.Equal(Tuesday, e.ResolvedAt));
    }

    [Fact]
    public void An_incomplete_scan_resolves_nothing()
    {
        var result = LedgerReconciliation.Reconcile([Entry(Finding("alice"), FindingStatus.Open)], [], false, "scan-2", Tuesday, NoneRemediated);

        Assert.Empty(result.Changes);
        Assert.Empty(result.Transitions);
    }

    [Fact]
    public void A_resolved_finding_that_returns_reopens()
    {
        var alice = Finding("alice");

        var result = LedgerReconciliation.Reconcile([Entry(alice, FindingStatus.Resolved, 2)], [alice], true, "scan-2", Tuesday, NoneRemediated);

        var transition = Assert.Single(result.Transitions);
        Assert.Equal((TransitionKind.Reopened, FindingStatus.Open, null, 3), (transition.Kind, transition.Entry.Status, transition.Entry.ResolvedAt, transition.Entry.Occurrences));
    }

    [Fact]
    public void Resolved_entries_absent_again_are_left_alone()
    {
        var result = LedgerReconciliation.Reconcile([Entry(Finding("alice"), FindingStatus.Resolved)], [], true, "scan-2", Tuesday, NoneRemediated);

        Assert.Empty(result.Changes);
    }

    [Fact]
    public void A_finding_found_and_fixed_by_the_same_run_is_remembered_as_remediated()
    {
        var alice = Finding("alice");

        var result = LedgerReconciliation.Reconcile([], [alice], true, "scan-2", Tuesday, new HashSet<string> { alice.Fingerprint });

        var transition = Assert.Single(result.Transitions);
        Assert.Equal((TransitionKind.Remediated, FindingStatus.Remediated, Tuesday, Tuesday, (DateTimeOffset?)Tuesday, 1),
            (transition.Kind, transition.Entry.Status, transition.Entry.FirstSeen, transition.Entry.LastSeen, transition.Entry.ResolvedAt, transition.Entry.Occurrences));
    }

    [Fact]
    public void A_resolved_finding_that_returns_and_is_fixed_in_the_same_run_is_remediated_again()
    {
        var alice = Finding("alice");

        var result = LedgerReconciliation.Reconcile([Entry(alice, FindingStatus.Resolved, 2)], [alice], true, "scan-2", Tuesday, new HashSet<string> { alice.Fingerprint });

        var transition = Assert.Single(result.Transitions);
        Assert.Equal((TransitionKind.Remediated, FindingStatus.Remediated, 3), (transition.Kind, transition.Entry.Status, transition.Entry.Occurrences));
    }
}
