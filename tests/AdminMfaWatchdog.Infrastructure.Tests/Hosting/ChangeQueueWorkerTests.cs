using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Core.Directory;
using AdminMfaWatchdog.Core.Ports;
using AdminMfaWatchdog.Infrastructure.Hosting;
using AdminMfaWatchdog.Infrastructure.Hosting.Background;
using AdminMfaWatchdog.Infrastructure.Hosting.Changes;
using AdminMfaWatchdog.Infrastructure.Storage.Queues;
using AdminMfaWatchdog.Infrastructure.Tests.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace AdminMfaWatchdog.Infrastructure.Tests.Hosting;

/// <summary>The queue processor against Azurite's queue service: nothing leaves the queue unscanned, and nothing is lost.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ChangeQueueWorkerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_change_whose_scan_keeps_failing_is_tried_five_times_then_set_aside_unchanged()
    {
        var reader = new UnreachableTenant();
        var (queue, worker) = Compose(reader, $"q{Guid.NewGuid():N}");
        var change = new ChangeMessage(ChangeSource.Notification, DateTimeOffset.UtcNow, [new ChangeItem(Guid.NewGuid().ToString(), "updated", "Groups/g1")]);
        await queue.EnqueueAsync(change, default);

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var running = worker.RunAsync(stop.Token);
        var poison = new QueueServiceClient(azurite.ConnectionString).GetQueueClient(queue.PoisonName);
        while (await poison.GetApproximateMessageCountAsync() == 0 && !stop.IsCancellationRequested) await Task.Delay(50);
        await stop.CancelAsync();
        await running;

        Assert.Equal(ChangeQueue.MaxAttempts, reader.Reads);
        var setAside = Assert.Single(await poison.PeekMessagesAsync(10));
        Assert.Equal(change.ToJson(), setAside.MessageText);
        Assert.Equal(0, await new QueueServiceClient(azurite.ConnectionString).GetQueueClient(queue.Name).GetApproximateMessageCountAsync());
    }

    [Fact]
    public async Task Changes_received_before_a_complete_scan_started_are_covered_by_it()
    {
        var reader = new CountingTenant();
        var (queue, worker) = Compose(reader, $"q{Guid.NewGuid():N}");
        var receivedAt = DateTimeOffset.UtcNow;
        for (var i = 0; i < 10; i++)
            await queue.EnqueueAsync(new ChangeMessage(ChangeSource.Notification, receivedAt, [new ChangeItem(Guid.NewGuid().ToString(), "updated", $"Groups/g{i}")]), default);

        foreach (var message in await queue.ReceiveAsync(32, TimeSpan.FromMinutes(1), default)) await worker.HandleAsync(message, default);

        Assert.Equal(1, reader.Reads);
        Assert.Empty(await queue.ReceiveAsync(32, TimeSpan.FromMinutes(1), default));
    }

    [Fact]
    public async Task An_audited_change_is_covered_only_by_a_scan_that_read_everything()
    {
        var reader = new CountingTenant();
        var runtime = Runtime(reader);
        var processor = new ChangeProcessor(runtime, subscriptions: null, NullLogger<ChangeProcessor>.Instance);
        var receivedAt = DateTimeOffset.UtcNow;

        var group = await processor.ProcessAsync(new ChangeMessage(ChangeSource.Notification, receivedAt, [new ChangeItem("s1", "updated", "Groups/g1")]), default);
        var groupScan = runtime.Last!.Trigger;
        // A notification's scan may have reused named locations: it cannot answer for an audited location change.
        var location = await processor.ProcessAsync(new ChangeMessage(ChangeSource.Audit, receivedAt, [new ChangeItem("a1", "Update named location", "loc1")]), default);
        var locationScan = runtime.Last!.Trigger;
        var user = await processor.ProcessAsync(new ChangeMessage(ChangeSource.Notification, receivedAt, [new ChangeItem("s1", "updated", "Users/u1")]), default);

        Assert.Equal((ChangeOutcome.Scanned, ScanTriggers.Notification), (group, groupScan));
        Assert.Equal((ChangeOutcome.Scanned, ScanTriggers.Audit), (location, locationScan));
        Assert.Equal(ChangeOutcome.AlreadyScanned, user);
        Assert.Equal(2, reader.Reads);
    }

    [Fact]
    public async Task A_change_enqueued_in_this_process_wakes_a_waiting_reader_instead_of_waiting_for_its_poll()
    {
        var queue = new ChangeQueue(new QueueServiceClient(azurite.ConnectionString), $"q{Guid.NewGuid():N}");
        var waiting = queue.WaitForChangesAsync(TimeSpan.FromHours(1), default);

        await queue.EnqueueAsync(new ChangeMessage(ChangeSource.Notification, DateTimeOffset.UtcNow, [new ChangeItem("s1", "updated", "Groups/g1")]), default);

        // Without the wake-up this would wait the hour out; the test's own limit is far below it.
        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(30)), "woken by the enqueue");
        Assert.False(await queue.WaitForChangesAsync(TimeSpan.Zero, default), "one enqueue wakes one wait, not every later one");
    }

    private (ChangeQueue Queue, ChangeQueueWorker Worker) Compose(IDirectoryReader reader, string queueName)
    {
        var runtime = Runtime(reader);
        var queue = new ChangeQueue(new QueueServiceClient(azurite.ConnectionString), queueName);
        var worker = new ChangeQueueWorker(queue, new ChangeProcessor(runtime, subscriptions: null, NullLogger<ChangeProcessor>.Instance), TimeProvider.System,
            NullLogger<ChangeQueueWorker>.Instance, retryBaseDelay: TimeSpan.FromMilliseconds(20));
        return (queue, worker);
    }

    private static WatchdogRuntime Runtime(IDirectoryReader reader)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Notifications:Debounce"] = "00:00:00" }).Build();
        return WatchdogRuntime.Create(settings, TimeProvider.System, new OfflineTenant(reader, WatchdogConfig.Default, "a test tenant"));
    }

    private sealed class UnreachableTenant : IDirectoryReader
    {
        private int _reads;

        public int Reads => _reads;

        public Task<TenantSnapshot> ReadAsync(WatchdogConfig config, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            throw new DirectoryReadException("Graph could not be reached.");
        }
    }

    private sealed class CountingTenant : IDirectoryReader
    {
        private int _reads;

        public int Reads => _reads;

        public Task<TenantSnapshot> ReadAsync(WatchdogConfig config, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            return Task.FromResult(SnapshotJson.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(EmptyTenant)), "test"));
        }

        private const string EmptyTenant = """
            {"tenantId":"0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0","users":[],"groups":[],"servicePrincipals":[],"roleDefinitions":[],
             "roleAssignments":[],"roleEligibilitySchedules":[],"conditionalAccessPolicies":[],"namedLocations":[],"authenticationStrengthPolicies":[]}
            """;
    }
}
