using System.Diagnostics;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Findings;
using Xunit.Abstractions;
using static AdminMfaWatchdog.Infrastructure.Tests.Storage.Ledger.LedgerTestKit;

namespace AdminMfaWatchdog.Infrastructure.Tests.Storage.Ledger;

[Collection(AzuriteCollection.Name)]
public sealed class LedgerScaleTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int FindingCount = 10_000;

    // Writes: one transaction per 100 rows. Reads: 1,000 rows a page. The rest is a handful of fixed requests.
    private const int TransactionsPerScan = FindingCount / 100;
    private const int Overhead = 25;

    [Fact]
    public async Task Ten_thousand_findings_reconcile_in_transactions_of_100_and_pages_of_1000()
    {
        var tenant = NewTenant();
        var counter = new RequestCountingPolicy();
        var options = FreshTables();
        options.ClientOptions!.AddPolicy(counter, Azure.Core.HttpPipelinePosition.PerRetry);
        var update = new LedgerUpdate(Store(azurite, options));
        var findings = Enumerable.Range(0, FindingCount).Select(i => Finding(tenant, $"user-{i:D5}")).ToList();
        var clock = Stopwatch.StartNew();

        var first = await update.ApplyAsync(Report(tenant, "scan-1", Monday, true, findings), NoneRemediated, default);
        var firstRequests = counter.Count;

        // The tenant changes at the edges: 100 findings gone, 100 new, 9,900 seen again.
        var second = await update.ApplyAsync(Report(tenant, "scan-2", Monday.AddDays(1), true,
            [.. findings[100..], .. Enumerable.Range(0, 100).Select(i => Finding(tenant, $"new-{i:D3}"))]), NoneRemediated, default);
        var secondRequests = counter.Count - firstRequests;
        output.WriteLine($"first scan: {firstRequests} requests, second: {secondRequests}, both in {clock.ElapsedMilliseconds} ms");

        Assert.Equal((FindingCount, FindingCount), (first.Transitions.Count, first.RowsWritten));
        Assert.Equal((200, FindingCount + 100), (second.Transitions.Count, second.RowsWritten));
        Assert.InRange(firstRequests, TransactionsPerScan, TransactionsPerScan + Overhead);
        Assert.InRange(secondRequests, TransactionsPerScan + 1, TransactionsPerScan + 1 + Overhead);

        var rows = await Store(azurite, options).ListAsync(tenant, null, default);
        Assert.Equal(FindingCount + 100, rows.Count);
        Assert.Equal(100, rows.Count(row => row.Status == FindingStatus.Resolved));
        Assert.Equal(9_900, rows.Count(row => row.Occurrences == 2));
    }
}
