using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Findings;
using AdminMfaWatchdog.Core.Ports;
using AdminMfaWatchdog.Infrastructure.Storage.Tables;
using static AdminMfaWatchdog.Infrastructure.Tests.Storage.Ledger.LedgerTestKit;

namespace AdminMfaWatchdog.Infrastructure.Tests.Storage.Ledger;

[Collection(AzuriteCollection.Name)]
public sealed class AuditTrailTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_scan_is_recorded_with_its_trigger_times_outcome_and_counts()
    {
        var tenant = NewTenant();
        var options = FreshTables();
        var store = Store(azurite, options);
        var alice = Finding(tenant, "alice", Severity.Critical);
        var report = Report(tenant, "scan-1", Monday, true, [alice, Finding(tenant, "bob"), Finding(tenant, "carol")]) with
        {
            CompletedAt = Monday.AddSeconds(4),
            Admins = [Admin("alice", Coverage.NotCovered), Admin("bob", Coverage.Partial), Admin("dave", Coverage.Covered), Admin("erin", Coverage.Covered)],
        };
        var result = await new LedgerUpdate(store).ApplyAsync(report, NoneRemediated, default);

        await store.RecordScanAsync(ScanRecord.From(report, ScanTriggers.Timer, result.Transitions), default);

        var row = (await RawTable(azurite, options.ScansTableName).GetEntityAsync(tenant, "scan-1")).Value;
        Assert.Equal(("scan-1", "timer", Monday, Monday.AddSeconds(4), true, null),
            (row.GetString("ScanId"), row.GetString("Trigger"), row.GetDateTimeOffset("StartedAt"), row.GetDateTimeOffset("CompletedAt"), row.GetBoolean("Complete"), row.GetString("Error")));
        Assert.Equal([2, 1, 1, 0, 0], new[] { "Covered", "Partial", "NotCovered", "Exempt", "Disabled" }.Select(c => row.GetInt32($"Admins{c}")));
        Assert.Equal([1, 2, 0, 0], new[] { "Critical", "High", "Medium", "Low" }.Select(s => row.GetInt32($"Findings{s}")));
        Assert.Equal([3, 0, 0, 0], new[] { "Opened", "Reopened", "Resolved", "Remediated" }.Select(t => row.GetInt32(t)));
    }

    [Fact]
    public async Task Recording_a_scan_again_replaces_its_row_with_the_outcome()
    {
        var tenant = NewTenant();
        var options = FreshTables();
        var store = Store(azurite, options);
        var report = Report(tenant, "scan-1", Monday, true, []);
        await store.RecordScanAsync(ScanRecord.From(report, ScanTriggers.Http, []), default);

        await store.RecordScanAsync(ScanRecord.From(report with { Complete = false, Error = "The ledger could not be reached." }, ScanTriggers.Http, []), default);

        var row = Assert.Single(await RawTable(azurite, options.ScansTableName).QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {tenant}")).ToListAsync());
        Assert.Equal((false, "The ledger could not be reached."), (row.GetBoolean("Complete"), row.GetString("Error")));
    }

    [Fact]
    public async Task Scans_read_back_newest_first_from_a_point_in_time_with_their_outcome()
    {
        var tenant = NewTenant();
        var options = FreshTables();
        var store = Store(azurite, options);
        var old = Report(tenant, "scan-old", Monday.AddDays(-2), true, []);
        var failed = Report(tenant, "scan-failed", Monday.AddHours(1), false, []) with { Error = "Graph could not be reached." };
        var found = Report(tenant, "scan-found", Monday, true, [Finding(tenant, "alice", Severity.Critical)]) with
        {
            Admins = [Admin("alice", Coverage.NotCovered), Admin("bob", Coverage.Covered)],
        };
        foreach (var report in new[] { old, failed, found })
        {
            await store.RecordScanAsync(ScanRecord.From(report, ScanTriggers.Notification, []), default);
        }
        await store.RecordScanAsync(ScanRecord.From(Report(NewTenant(), "other-tenant", Monday, true, []), ScanTriggers.Timer, []), default);

        var scans = await store.ListScansAsync(tenant, Monday.AddDays(-1), default);

        Assert.Equal(["scan-failed", "scan-found"], scans.Select(scan => scan.ScanId));
        Assert.Equal((false, "Graph could not be reached.", ScanTriggers.Notification), (scans[0].Complete, scans[0].Error, scans[0].Trigger));
        Assert.Equal((1, 1, 1), (scans[1].AdminsByCoverage[Coverage.NotCovered], scans[1].AdminsByCoverage[Coverage.Covered], scans[1].FindingsBySeverity[Severity.Critical]));
        Assert.Equal(Monday, scans[1].StartedAt);
    }

    [Fact]
    public async Task Actions_are_recorded_in_order_with_before_and_after_when_known()
    {
        var tenant = NewTenant();
        var options = FreshTables();
        var actions = Enumerable.Range(0, 103)
            .Select(i => new RemediationAction("service-account-not-excluded", "addGroupMember", $"svc-{i:D3}", ActionStatus.Skipped, "maxActionsPerRun reached"))
            .Prepend(new RemediationAction("policy-not-enabled", "setPolicyState", "policy-1", ActionStatus.Applied, "state set to enabled")
            {
                Before = """{"state":"disabled"}""",
                After = """{"state":"enabled"}""",
            })
            .ToList();

        await Store(azurite, options).RecordActionsAsync(tenant, "scan-1", actions, default);

        var rows = await RawTable(azurite, options.ActionsTableName).QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {tenant}")).ToListAsync();
        Assert.Equal(104, rows.Count);
        Assert.Equal(actions.Select(a => a.TargetId), rows.Select(r => r.GetString("TargetId"))); // RowKey order is action order
        var first = rows[0];
        Assert.Equal(("scan-1_0000", "scan-1", 0, "policy-not-enabled", "setPolicyState", "applied", "state set to enabled"),
            (first.RowKey, first.GetString("ScanId"), first.GetInt32("Sequence"), first.GetString("RuleId"), first.GetString("Kind"), first.GetString("Status"), first.GetString("Detail")));
        Assert.Equal(("""{"state":"disabled"}""", """{"state":"enabled"}"""), (first.GetString("Before"), first.GetString("After")));
        Assert.Equal(("scan-1_0103", "skipped"), (rows[^1].RowKey, rows[^1].GetString("Status")));
        Assert.False(rows[^1].ContainsKey("Before"));
    }

    [Fact]
    public void Before_and_after_stay_out_of_the_report_json_when_unknown()
    {
        var action = new RemediationAction("policy-not-enabled", "setPolicyState", "policy-1", ActionStatus.Applied, "done");
        var report = Report("tenant", "scan-1", Monday, true, []) with { Actions = [action, action with { Before = "disabled", After = "enabled" }] };

        var json = ScanReportJson.Serialize(report);

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(json, "\"before\": \"disabled\""));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(json, "\"before\""));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(json, "\"after\""));
    }

    private static AdminCoverage Admin(string id, Coverage coverage) => new(id, $"{id}@contoso.com", id, true, [], coverage, [], []);
}
