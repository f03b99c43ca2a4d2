using System.Net;
using System.Net.Sockets;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Findings;
using AdminMfaWatchdog.Infrastructure.Storage.Ledger;
using AdminMfaWatchdog.Infrastructure.Storage.Tables;

namespace AdminMfaWatchdog.Infrastructure.Tests.Storage.Ledger;

/// <summary>Findings, scan reports and stores on fresh tables, for the ledger tests.</summary>
internal static class LedgerTestKit
{
    public const string SettingName = "Storage:ConnectionString";
    public static readonly DateTimeOffset Monday = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    public static readonly HashSet<string> NoneRemediated = [];

    public static string NewTenant() => Guid.NewGuid().ToString();

    public static Finding Finding(string tenantId, string subject, Severity severity = Severity.High, string ruleId = "admin-not-covered", string? policyId = null) =>
        new(ruleId, severity, policyId is null ? SubjectType.User : SubjectType.Policy, subject, $"{subject} display", policyId,
            $"{subject} can sign in without MFA", ["not targeted by policy 'Require MFA'", "excluded through group 'ops'"],
            FindingFingerprint.Compute(tenantId, ruleId, subject, policyId));

    public static ScanReport Report(string tenantId, string scanId, DateTimeOffset at, bool complete, IReadOnlyList<Finding> findings) =>
        new(tenantId, scanId, at, at, complete, [], findings, []);

    /// <summary>Options naming tables no other test uses, with the fixture's short retries.</summary>
    public static TableFindingStoreOptions FreshTables(TimeProvider? clock = null)
    {
        var suffix = Guid.NewGuid().ToString("N");
        return new TableFindingStoreOptions
        {
            FindingsTableName = "findings" + suffix,
            ScansTableName = "scans" + suffix,
            ActionsTableName = "actions" + suffix,
            LeasesTableName = "leases" + suffix,
            ClientOptions = AzuriteFixture.FastRetries(),
            TimeProvider = clock ?? TimeProvider.System,
        };
    }

    /// <summary>A store built the way hosts build it: from a connection string and the setting it came from.</summary>
    public static TableFindingStore Store(AzuriteFixture azurite, TableFindingStoreOptions options) =>
        TableFindingStore.FromConnectionString(azurite.ConnectionString, SettingName, options);

    /// <summary>The raw table, to look at rows as stored and to change them behind a store's back.</summary>
    public static TableClient RawTable(AzuriteFixture azurite, string tableName) =>
        azurite.CreateServiceClient().GetTableClient(tableName);

    /// <summary>A loopback port nothing listens on: connections to it are refused at once.</summary>
    public static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static LedgerEntry Single(IEnumerable<LedgerEntry> entries, Finding finding) =>
        Assert.Single(entries, entry => entry.Fingerprint == finding.Fingerprint);
}
