using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Findings;
using static AdminMfaWatchdog.Infrastructure.Tests.Storage.Ledger.LedgerTestKit;

namespace AdminMfaWatchdog.Infrastructure.Tests.Storage.Ledger;

/// <summary>Scans folded into the ledger on Azurite, one after another: every row exactly right after each.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LedgerLifecycleTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Tuesday = Monday.AddDays(1);
    private static readonly DateTimeOffset Wednesday = Monday.AddDays(2);
    private static readonly DateTimeOffset Thursday = Monday.AddDays(3);

    [Fact]
    public async Task Scan_change_the_tenant_scan_again_resolves_opens_and_counts_exactly()
    {
        var tenant = NewTenant();
        var store = Store(azurite, FreshTables());
        var update = new LedgerUpdate(store);
        var alice = Finding(tenant, "alice");
        var bob = Finding(tenant, "bob");
        var policy = Finding(tenant, "policy-1", Severity.Critical, "policy-not-enabled", policyId: "policy-1");
        var carol = Finding(tenant, "carol", Severity.Medium);

        var first = await update.ApplyAsync(Report(tenant, "scan-1", Monday, true, [alice, bob, policy]), NoneRemediated, default);

        Assert.Equal([TransitionKind.Opened, TransitionKind.Opened, TransitionKind.Opened], first.Transitions.Select(t => t.Kind));
        Assert.Equal((3, 1), (first.RowsWritten, first.Attempts));
        Assert.All(await store.ListAsync(tenant, null, default), entry =>
            Assert.Equal((FindingStatus.Open, Monday, Monday, (DateTimeOffset?)null, 1, "scan-1"),
                (entry.Status, entry.FirstSeen, entry.LastSeen, entry.ResolvedAt, entry.Occurrences, entry.LastScanId)));

        // The tenant changed: alice is covered now, our action re-enabled the policy, bob got worse, carol appeared.
        var worseBob = bob with { Severity = Severity.Critical, Summary = "bob lost his last MFA policy" };
        var second = await update.ApplyAsync(Report(tenant, "scan-2", Tuesday, true, [worseBob, carol]), new HashSet<string> { policy.Fingerprint }, default);

        Assert.Equal(
            new[] { (carol.Fingerprint, TransitionKind.Opened), (alice.Fingerprint, TransitionKind.Resolved), (policy.Fingerprint, TransitionKind.Remediated) }.Order(),
            second.Transitions.Select(t => (t.Entry.Fingerprint, t.Kind)).Order());
        var afterSecond = await store.ListAsync(tenant, null, default);
        Assert.Equal(4, afterSecond.Count);
        Assert.Equal((FindingStatus.Resolved, Monday, Monday, (DateTimeOffset?)Tuesday, 1, "scan-2"), Facts(Single(afterSecond, alice)));
        Assert.Equal((FindingStatus.Remediated, Monday, Monday, (DateTimeOffset?)Tuesday, 1, "scan-2"), Facts(Single(afterSecond, policy)));
        Assert.Equal((FindingStatus.Open, Monday, Tuesday, (DateTimeOffset?)null, 2, "scan-2"), Facts(Single(afterSecond, bob)));
        AssertSameFinding(worseBob, Single(afterSecond, bob).Finding);
        Assert.Equal((FindingStatus.Open, Tuesday, Tuesday, (DateTimeOffset?)null, 1, "scan-2"), Facts(Single(afterSecond, carol)));

        // An incomplete scan proves nothing absent: carol stays open, only what it saw is counted.
        var incomplete = await update.ApplyAsync(Report(tenant, "scan-3", Wednesday, false, [worseBob]), NoneRemediated, default);

        Assert.Empty(incomplete.Transitions);
        var afterIncomplete = await store.ListAsync(tenant, null, default);
        Assert.Equal(afterSecond.Select(e => (e.Fingerprint, e.Status)).Order(), afterIncomplete.Select(e => (e.Fingerprint, e.Status)).Order());
        Assert.Equal((FindingStatus.Open, Monday, Wednesday, (DateTimeOffset?)null, 3, "scan-3"), Facts(Single(afterIncomplete, bob)));
        Assert.Equal(Facts(Single(afterSecond, carol)), Facts(Single(afterIncomplete, carol)));

        // alice is back: the same row reopens, keeping when she was first seen.
        var fourth = await update.ApplyAsync(Report(tenant, "scan-4", Thursday, true, [alice, worseBob]), NoneRemediated, default);

        Assert.Equal(
            new[] { (alice.Fingerprint, TransitionKind.Reopened), (carol.Fingerprint, TransitionKind.Resolved) }.Order(),
            fourth.Transitions.Select(t => (t.Entry.Fingerprint, t.Kind)).Order());
        var afterFourth = await store.ListAsync(tenant, null, default);
        Assert.Equal(4, afterFourth.Count);
        Assert.Equal((FindingStatus.Open, Monday, Thursday, (DateTimeOffset?)null, 2, "scan-4"), Facts(Single(afterFourth, alice)));
        Assert.Equal((FindingStatus.Open, Monday, Thursday, (DateTimeOffset?)null, 4, "scan-4"), Facts(Single(afterFourth, bob)));
        Assert.Equal((FindingStatus.Resolved, Tuesday, Tuesday, (DateTimeOffset?)Thursday, 1, "scan-4"), Facts(Single(afterFourth, carol)));
        Assert.Equal(Facts(Single(afterSecond, policy)), Facts(Single(afterFourth, policy)));
    }

    [Fact]
    public async Task An_incomplete_scan_that_found_nothing_changes_no_row()
    {
        var tenant = NewTenant();
        var options = FreshTables();
        var store = Store(azurite, options);
        var update = new LedgerUpdate(store);
        await update.ApplyAsync(Report(tenant, "scan-1", Monday, true, [Finding(tenant, "alice"), Finding(tenant, "bob")]), NoneRemediated, default);
        var before = await store.ListAsync(tenant, null, default);

        var result = await update.ApplyAsync(Report(tenant, "scan-2", Tuesday, false, []), NoneRemediated, default);

        Assert.Equal((0, 0), (result.RowsWritten, result.Attempts));
        Assert.Empty(result.Transitions);
        var after = await store.ListAsync(tenant, null, default);
        Assert.Equal(before.Select(e => (Facts(e), e.Version)), after.Select(e => (Facts(e), e.Version))); // versions equal: not even rewritten
    }

    [Fact]
    public async Task A_row_is_stored_with_exactly_the_documented_columns()
    {
        var tenant = NewTenant();
        var options = FreshTables();
        var policy = Finding(tenant, "policy-1", Severity.Critical, "policy-not-enabled", policyId: "policy-1");
        await new LedgerUpdate(Store(azurite, options)).ApplyAsync(Report(tenant, "scan-1", Monday, true, [policy]), NoneRemediated, default);
        await new LedgerUpdate(Store(azurite, options)).ApplyAsync(Report(tenant, "scan-2", Tuesday, true, []), NoneRemediated, default);

        var row = (await RawTable(azurite, options.FindingsTableName).GetEntityAsync(tenant, policy.Fingerprint)).Value;

        Assert.Equal(
            ["FirstSeen", "LastScanId", "LastSeen", "Occurrences", "PolicyId", "Reasons", "ResolvedAt", "RuleId", "Severity", "Status",
             "SubjectId", "SubjectName", "SubjectType", "Summary"],
            row.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("policy-not-enabled", "critical", "policy", "policy-1", "policy-1", "resolved"),
            (row.GetString("RuleId"), row.GetString("Severity"), row.GetString("SubjectType"), row.GetString("SubjectId"), row.GetString("PolicyId"), row.GetString("Status")));
        Assert.Equal("""["not targeted by policy 'Require MFA'","excluded through group 'ops'"]""", row.GetString("Reasons"));
        Assert.Equal((Monday, Monday, Tuesday, 1, "scan-2"),
            (row.GetDateTimeOffset("FirstSeen"), row.GetDateTimeOffset("LastSeen"), row.GetDateTimeOffset("ResolvedAt"), row.GetInt32("Occurrences"), row.GetString("LastScanId")));
    }

    [Fact]
    public async Task Listing_filters_by_status_and_puts_the_most_recently_seen_first()
    {
        var tenant = NewTenant();
        var store = Store(azurite, FreshTables());
        var update = new LedgerUpdate(store);
        var (alice, bob, carol) = (Finding(tenant, "alice"), Finding(tenant, "bob"), Finding(tenant, "carol"));
        await update.ApplyAsync(Report(tenant, "scan-1", Monday, true, [alice, bob]), NoneRemediated, default);
        await update.ApplyAsync(Report(tenant, "scan-2", Tuesday, true, [carol, bob]), NoneRemediated, default);
        await update.ApplyAsync(Report(tenant, "scan-3", Wednesday, false, [carol]), NoneRemediated, default);

        var all = await store.ListAsync(tenant, null, default);
        var open = await store.ListAsync(tenant, FindingStatus.Open, default);
        var resolved = await store.ListAsync(tenant, FindingStatus.Resolved, default);

        Assert.Equal([carol.Fingerprint, bob.Fingerprint, alice.Fingerprint], all.Select(e => e.Fingerprint));
        Assert.Equal([carol.Fingerprint, bob.Fingerprint], open.Select(e => e.Fingerprint));
        Assert.Equal([alice.Fingerprint], resolved.Select(e => e.Fingerprint));
        Assert.Empty(await store.ListAsync(NewTenant(), null, default));
    }

    private static void AssertSameFinding(Finding expected, Finding actual)
    {
        IReadOnlyList<string> none = []; // records compare lists by reference: compare the reasons apart
        Assert.Equal(expected with { Reasons = none }, actual with { Reasons = none });
        Assert.Equal(expected.Reasons, actual.Reasons);
    }

    private static (FindingStatus, DateTimeOffset, DateTimeOffset, DateTimeOffset?, int, string) Facts(LedgerEntry entry) =>
        (entry.Status, entry.FirstSeen, entry.LastSeen, entry.ResolvedAt, entry.Occurrences, entry.LastScanId);
}
