using System.Diagnostics;
using System.Text;
using System.Text.Json;
using AdminMfaWatchdog.Cli.Serve;
using AdminMfaWatchdog.Core.Findings;
using AdminMfaWatchdog.Core.Ports;
using AdminMfaWatchdog.Infrastructure.Storage.Ledger;
using AdminMfaWatchdog.Infrastructure.Storage.Queues;
using AdminMfaWatchdog.Infrastructure.Tests.Alerts;
using AdminMfaWatchdog.Infrastructure.Tests.Storage;
using GraphSimulator;
using GraphSimulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace AdminMfaWatchdog.Benchmarks.Commands;

/// <summary>
/// <c>notify [--tenant demo|small|large|xlarge] [--changes 100] [--debounce-ms 0] [--latency-ms 20] [--no-reuse] [--json]</c>:
/// how long a change in the tenant takes to become a stored finding and a received alert. <c>watchdog serve</c>
/// (the real host, in this process) watches the tenant served by the Graph simulator, over Azurite, alerting a
/// real webhook receiver, all on loopback. Each change takes a service account out of the exclusion
/// group; the simulator notifies serve as Graph would, and the clock stops when the ledger holds the
/// finding (remediated: the watchdog puts the account back) and when the alert arrives.
/// <c>--no-reuse</c> sets Graph:PolicyReferencesMaxAge to zero: every scan reads named locations and strengths.
/// </summary>
internal static class NotifyCommand
{
    private const string RuleId = "service-account-not-excluded";
    private const int WarmUpChanges = 3;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(BenchArguments arguments, TextWriter output)
    {
        arguments.Allow("--tenant", "--changes", "--debounce-ms", "--latency-ms", "--no-reuse", "--json", "--seed");
        var tenant = await NotifyTenant.LoadAsync(arguments.Value("--tenant") ?? NotifyTenant.Demo, arguments.Seed(Tenants.SyntheticTenantGenerator.DefaultSeed));
        var changes = arguments.Int("--changes", 100, min: 1);
        var debounce = TimeSpan.FromMilliseconds(arguments.Int("--debounce-ms", 0, min: 0));
        var latency = TimeSpan.FromMilliseconds(arguments.Int("--latency-ms", 20, min: 0));

        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            return await MeasureAsync(arguments, output, azurite, tenant, changes, debounce, latency);
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    private static async Task<int> MeasureAsync(
        BenchArguments arguments, TextWriter output, AzuriteFixture azurite, NotifyTenant tenant, int changes, TimeSpan debounce, TimeSpan latency)
    {
        await using var graph = await GraphSimulatorHost.StartAsync(TenantState.FromJson(tenant.SnapshotJson), new SimulatorOptions { Latency = latency });
        await using var alerts = await AlertReceiver.StartAsync();
        var tenantId = graph.State.Read(data => data.TenantId);
        var baseUrl = $"http://127.0.0.1:{AlertReceiver.FreePort()}";
        var values = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Host:FunctionKey"] = "bench-function-key-0123456789",
            ["Notifications:ClientState"] = "bench-client-state-0123456789abcdef",
            ["Notifications:PublicBaseUrl"] = baseUrl,
            ["Notifications:Debounce"] = debounce.ToString(),
            ["Watchdog:ScanInterval"] = "01:00:00",
            ["Graph:BaseUrl"] = graph.BaseUrl,
            ["Graph:Anonymous"] = "true",
            ["Graph:TenantId"] = tenantId,
            ["Alerts:Webhook:Url"] = alerts.Url.ToString(),
            ["Alerts:MinimumSeverity"] = "low",
        };
        if (arguments.Flag("--no-reuse")) values["Graph:PolicyReferencesMaxAge"] = "00:00:00";
        var settings = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        await using var serve = ServeApp.Build(settings, baseUrl, TimeProvider.System, offline: null, tenant.Config, logging: _ => { });
        await serve.StartAsync();
        var ledger = new TableFindingStore(azurite.CreateServiceClient());
        var queue = new QueueServiceClient(azurite.ConnectionString).GetQueueClient("watchdog-changes");
        var probe = new Probe(graph, alerts, ledger, queue, tenantId, tenant.ExclusionGroupId, tenant.ServiceAccountId);
        await probe.UntilAsync(probe.IsSubscribedAsync, "serve subscribes to the exclusion group's members");
        await probe.UntilQuietAsync();

        var stored = new List<double>();
        var alerted = new List<double>();
        var scansBefore = await probe.NotificationScansAsync();
        for (var i = 0; i < WarmUpChanges + changes; i++)
        {
            var (storedMs, alertMs) = await probe.MeasureOneChangeAsync();
            if (i < WarmUpChanges)
            {
                probe.FixingScanIds.Clear();
                continue;
            }
            stored.Add(storedMs);
            alerted.Add(alertMs);
        }

        var result = new
        {
            tenant = tenant.Name,
            users = tenant.Users,
            changes,
            debounceMs = debounce.TotalMilliseconds,
            reusesPolicyReferences = !arguments.Flag("--no-reuse"),
            latencyMs = latency.TotalMilliseconds,
            storedP50Ms = Percentile(stored, 50),
            storedP95Ms = Percentile(stored, 95),
            storedMaxMs = Math.Round(stored.Max()),
            alertP50Ms = Percentile(alerted, 50),
            alertP95Ms = Percentile(alerted, 95),
            alertMaxMs = Math.Round(alerted.Max()),
            notificationScans = await probe.NotificationScansAsync() - scansBefore,
            // Read and evaluation alone in the scans that fixed the changes (the scan record's start to its
            // report's completion): the rest is the queue hop, the ledger and the alert.
            scanP50Ms = Percentile(await probe.FixingScanMillisecondsAsync(), 50),
        };
        await serve.StopAsync();
        output.WriteLine(arguments.Flag("--json")
            ? JsonSerializer.Serialize(result)
            : string.Join(Environment.NewLine, result.GetType().GetProperties().Select(p => $"{p.Name,-18} {p.GetValue(result)}")));
        return 0;
    }

    /// <summary>Nearest-rank percentile, in whole milliseconds.</summary>
    private static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToArray();
        return Math.Round(sorted[Math.Max(0, (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1)]);
    }


    /// <summary>Makes one change at a time and watches what it leads to.</summary>
    private sealed class Probe(
        GraphSimulatorHost graph, AlertReceiver alerts, IFindingStore ledger, QueueClient queue, string tenantId, string exclusionGroupId, string serviceAccountId)
    {
        private readonly DateTimeOffset _startedAt = DateTimeOffset.UtcNow;

        /// <returns>Milliseconds from the change to the finding stored as remediated, and to the alert received.</returns>
        public async Task<(double Stored, double Alert)> MeasureOneChangeAsync()
        {
            var alertsBefore = alerts.Requests.Count;
            var changedAt = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            await graph.Changes.RemoveGroupMemberAsync(exclusionGroupId, serviceAccountId);

            double? stored = null, alert = null;
            while (stored is null || alert is null)
            {
                if (clock.Elapsed > Deadline) throw new InvalidOperationException($"a change was neither stored nor alerted within {Deadline.TotalSeconds} s");
                alert ??= alerts.Requests.Skip(alertsBefore).Any(Mentions) ? clock.Elapsed.TotalMilliseconds : null;
                if (stored is null && await RemediatedSinceAsync(changedAt) is { } fixedBy)
                {
                    stored = clock.Elapsed.TotalMilliseconds;
                    FixingScanIds.Add(fixedBy);
                }

                await Task.Delay(PollInterval);
            }

            if (!IsMember()) throw new InvalidOperationException("the watchdog recorded a remediation but the service account is not back in the exclusion group");
            // The account's return is itself a change Graph notifies: let its scan finish, and the CA gate reopen, before the next change.
            await UntilQuietAsync();
            return (stored.Value, alert.Value);
        }

        /// <summary>True once the simulator holds serve's subscription to the exclusion group's members (created after a validation handshake).</summary>
        public async Task<bool> IsSubscribedAsync() =>
            (await graph.Client.GetStringAsync("subscriptions")).Contains($"/groups/{exclusionGroupId}/members", StringComparison.OrdinalIgnoreCase);

        /// <summary>Until the change queue is empty and no scan has been recorded for a while.</summary>
        public async Task UntilQuietAsync()
        {
            var quietFor = TimeSpan.FromSeconds(1.5);
            var scans = -1;
            var quiet = Stopwatch.StartNew();
            var deadline = Stopwatch.StartNew();
            while (quiet.Elapsed < quietFor)
            {
                if (deadline.Elapsed > Deadline) throw new InvalidOperationException("serve did not settle");
                var now = (await ledger.ListScansAsync(tenantId, _startedAt, default)).Count;
                if (now != scans || await queue.GetApproximateMessageCountAsync() > 0)
                {
                    scans = now;
                    quiet.Restart();
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
        }

        /// <summary>The scans that put the account back, one per measured change.</summary>
        public List<string> FixingScanIds { get; } = [];

        public async Task<List<double>> FixingScanMillisecondsAsync() =>
            (await ledger.ListScansAsync(tenantId, _startedAt, default))
                .Where(scan => FixingScanIds.Contains(scan.ScanId))
                .Select(scan => (scan.CompletedAt - scan.StartedAt).TotalMilliseconds).ToList();

        public async Task<int> NotificationScansAsync() =>
            (await ledger.ListScansAsync(tenantId, _startedAt, default)).Count(scan => scan.Trigger == ScanTriggers.Notification);

        public async Task UntilAsync(Func<Task<bool>> condition, string what)
        {
            var deadline = Stopwatch.StartNew();
            while (!await condition())
            {
                if (deadline.Elapsed > Deadline) throw new InvalidOperationException($"timed out waiting until {what}");
                await Task.Delay(PollInterval);
            }
        }

        /// <returns>The id of the scan that recorded the finding as remediated after <paramref name="since"/>, if one has.</returns>
        private async Task<string?> RemediatedSinceAsync(DateTimeOffset since) =>
            (await ledger.ListAsync(tenantId, FindingStatus.Remediated, default))
                .FirstOrDefault(entry => entry.Finding.RuleId == RuleId && entry.Finding.SubjectId == serviceAccountId && entry.ResolvedAt >= since)?.LastScanId;

        private bool IsMember() =>
            graph.State.Read(data => data.FindGroup(exclusionGroupId)!["members"]!.AsArray().Any(m => (string?)m!["id"] == serviceAccountId));

        private bool Mentions(ReceivedRequest alert) => Encoding.UTF8.GetString(alert.Body).Contains(serviceAccountId, StringComparison.Ordinal);
    }
}
