using AdminMfaWatchdog.Core.Alerts;
using AdminMfaWatchdog.Core.Ports;
using AdminMfaWatchdog.Infrastructure.Alerts.Outbox;
using AdminMfaWatchdog.Infrastructure.Alerts.Teams;
using AdminMfaWatchdog.Infrastructure.Alerts.Webhook;
using AdminMfaWatchdog.Infrastructure.Storage.Tables;
using AdminMfaWatchdog.Infrastructure.Tests.Storage;
using GraphSimulator.Time;
using static AdminMfaWatchdog.Core.Tests.Alerts.AlertKit;
using static AdminMfaWatchdog.Infrastructure.Tests.Alerts.AlertTestKit;

namespace AdminMfaWatchdog.Infrastructure.Tests.Alerts;

[Collection(AzuriteCollection.Name)]
public sealed class AlertOutboxTests(AzuriteFixture azurite)
{
    private readonly ManualTimeProvider _clock = new(Monday);
    private readonly string _table = $"outbox{Guid.NewGuid():N}";

    private TableAlertOutbox Outbox(params IAlertChannel[] channels) =>
        new(azurite.CreateServiceClient(), channels, new AlertOutboxOptions { TableName = _table, TimeProvider = _clock });

    private async Task<IReadOnlyList<TableEntity>> RowsAsync() =>
        await azurite.CreateServiceClient().GetTableClient(_table).QueryAsync(TableClient.CreateQueryFilter($"RowKey ne {"~digest"}")).ToListAsync();

    private AlertNotifier Notifier(IAlertOutbox outbox) => new(outbox, new AlertPolicy());

    [Fact]
    public async Task A_receiver_answering_429_then_202_gets_the_alert_exactly_once()
    {
        await using var receiver = await AlertReceiver.StartAsync();
        receiver.Answer(429, retryAfter: "120");
        var outbox = Outbox(new TeamsAlertChannel(receiver.Url, Http()));

        Assert.True(await outbox.EnqueueAsync(Mixed(), default));
        Assert.Equal(new AlertDeliveryReport(0, 1, 0), await outbox.DeliverPendingAsync(default));
        var row = Assert.Single(await RowsAsync());
        Assert.Equal(("pending", 1, 429, Monday.AddSeconds(120)),
            (row.GetString("State"), row.GetInt32("Attempts"), row.GetInt32("LastStatus"), row.GetDateTimeOffset("NextAttemptAt")));

        _clock.Advance(TimeSpan.FromSeconds(60)); // the backoff alone (1 min) would retry now; the receiver asked for 2
        Assert.Equal(new AlertDeliveryReport(0, 0, 0), await outbox.DeliverPendingAsync(default));
        _clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(new AlertDeliveryReport(1, 0, 0), await outbox.DeliverPendingAsync(default));
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(new AlertDeliveryReport(0, 0, 0), await outbox.DeliverPendingAsync(default));

        Assert.Equal(["scan-1"], receiver.Accepted.Select(request => request.BatchId));
        Assert.Equal(2, receiver.Requests.Count);
        Assert.Empty(await RowsAsync());
    }

    [Fact]
    public async Task A_receiver_down_for_a_whole_run_gets_the_alert_on_the_next_run()
    {
        var port = AlertReceiver.FreePort();
        var outbox = Outbox(new WebhookAlertChannel(AlertReceiver.DownUrl(port), Http()));

        var first = await Notifier(outbox).NotifyAsync(Report("scan-1"), ManyOpened(3), null, default);

        Assert.Equal(new AlertDeliveryReport(0, 1, 0), first.Delivery);
        var row = Assert.Single(await RowsAsync());
        Assert.Equal("The alert webhook at http://127.0.0.1/… could not be reached (ConnectionError).", row.GetString("LastError"));

        await using var receiver = await AlertReceiver.StartAsync(port);
        _clock.Advance(TimeSpan.FromMinutes(15));
        var second = await Notifier(outbox).NotifyAsync(Report("scan-2"), [], null, default);

        Assert.Equal(new AlertDeliveryReport(1, 0, 0), second.Delivery);
        Assert.Equal(["scan-1"], receiver.Accepted.Select(request => request.BatchId));
        Assert.Empty(await RowsAsync());
    }

    [Fact]
    public async Task Two_runs_with_no_transitions_send_nothing()
    {
        await using var receiver = await AlertReceiver.StartAsync();
        var outbox = Outbox(new TeamsAlertChannel(receiver.Url, Http()), new WebhookAlertChannel(receiver.Url, Http()));
        var alice = Finding("alice");

        await Notifier(outbox).NotifyAsync(Report("scan-1", findings: [alice]), [Transition(Core.Findings.TransitionKind.Opened, alice)], null, default);
        _clock.Advance(TimeSpan.FromMinutes(15));
        await Notifier(outbox).NotifyAsync(Report("scan-2", findings: [alice]), [], null, default);
        _clock.Advance(TimeSpan.FromMinutes(15));
        await Notifier(outbox).NotifyAsync(Report("scan-3", findings: [alice]), [], null, default);

        Assert.Equal(["scan-1", "scan-1"], receiver.Requests.Select(request => request.BatchId)); // once per channel, the first scan only
    }

    [Fact]
    public async Task A_batch_queued_twice_is_delivered_once_per_channel()
    {
        await using var receiver = await AlertReceiver.StartAsync();
        var outbox = Outbox(new WebhookAlertChannel(receiver.Url, Http()));

        Assert.True(await outbox.EnqueueAsync(Opened(2), default));
        Assert.False(await outbox.EnqueueAsync(Opened(2), default));
        await outbox.DeliverPendingAsync(default);
        await outbox.DeliverPendingAsync(default);

        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task Server_errors_are_retried_with_growing_waits()
    {
        await using var receiver = await AlertReceiver.StartAsync();
        receiver.Answer(500, times: 3);
        var outbox = Outbox(new WebhookAlertChannel(receiver.Url, Http()));
        await outbox.EnqueueAsync(Opened(1), default);

        var waits = new List<TimeSpan>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await outbox.DeliverPendingAsync(default);
            var next = Assert.Single(await RowsAsync()).GetDateTimeOffset("NextAttemptAt")!.Value;
            waits.Add(next - _clock.GetUtcNow());
            _clock.Advance(next - _clock.GetUtcNow());
        }

        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4)], waits);
        Assert.Equal(new AlertDeliveryReport(1, 0, 0), await outbox.DeliverPendingAsync(default));
        Assert.Single(receiver.Accepted);
    }

    [Fact]
    public async Task A_permanent_refusal_is_marked_dead_with_its_status_and_never_retried()
    {
        await using var receiver = await AlertReceiver.StartAsync();
        receiver.Answer(403);
        var outbox = Outbox(new TeamsAlertChannel(receiver.Url, Http()));
        await outbox.EnqueueAsync(Opened(1), default);

        Assert.Equal(new AlertDeliveryReport(0, 0, 1), await outbox.DeliverPendingAsync(default));
        _clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(new AlertDeliveryReport(0, 0, 0), await outbox.DeliverPendingAsync(default));

        var row = Assert.Single(await RowsAsync());
        Assert.Equal(("dead", 403, 1, "The Teams webhook at http://127.0.0.1/… answered 403 Forbidden."),
            (row.GetString("State"), row.GetInt32("LastStatus"), row.GetInt32("Attempts"), row.GetString("LastError")));
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task Each_channel_is_retried_on_its_own()
    {
        await using var teams = await AlertReceiver.StartAsync();
        await using var webhook = await AlertReceiver.StartAsync();
        teams.Answer(503);
        var outbox = Outbox(new TeamsAlertChannel(teams.Url, Http()), new WebhookAlertChannel(webhook.Url, Http()));
        await outbox.EnqueueAsync(Opened(1), default);

        Assert.Equal(new AlertDeliveryReport(1, 1, 0), await outbox.DeliverPendingAsync(default));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new AlertDeliveryReport(1, 0, 0), await outbox.DeliverPendingAsync(default));

        Assert.Single(teams.Accepted);
        Assert.Single(webhook.Accepted);
    }

    [Fact]
    public async Task The_digest_is_queued_once_per_tenant_and_day()
    {
        await using var receiver = await AlertReceiver.StartAsync();
        var outbox = Outbox(new WebhookAlertChannel(receiver.Url, Http()));
        var entries = new[] { Entry(Finding("alice")) };

        Assert.True(await outbox.EnqueueAsync(AlertBatchBuilder.Digest(Tenant, "scan-1", Monday, entries, Core.Findings.Severity.Low)!, default));
        await outbox.DeliverPendingAsync(default);
        Assert.False(await outbox.EnqueueAsync(AlertBatchBuilder.Digest(Tenant, "scan-2", Monday.AddHours(3), entries, Core.Findings.Severity.Low)!, default));
        Assert.True(await outbox.EnqueueAsync(AlertBatchBuilder.Digest(Tenant, "scan-3", Monday.AddDays(1), entries, Core.Findings.Severity.Low)!, default));
        await outbox.DeliverPendingAsync(default);

        Assert.Equal(["digest-2026-11-23", "digest-2026-11-24"], receiver.Accepted.Select(request => request.BatchId));
    }

    [Fact]
    public async Task Five_hundred_items_fit_in_a_row()
    {
        await using var receiver = await AlertReceiver.StartAsync();
        var outbox = Outbox(new WebhookAlertChannel(receiver.Url, Http()));

        await outbox.EnqueueAsync(Opened(500), default);
        await outbox.DeliverPendingAsync(default);

        Assert.Equal(AlertBatchJson.SerializeToUtf8Bytes(Opened(500)), Assert.Single(receiver.Accepted).Body);
    }

    [Fact]
    public async Task An_unreachable_store_is_an_outbox_failure_that_says_so()
    {
        var options = new AlertOutboxOptions { TableName = _table, TimeProvider = _clock };
        var unreachable = new TableServiceClient(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={TableConnectionString.DevelopmentAccountKey};TableEndpoint=http://127.0.0.1:{AlertReceiver.FreePort()}/devstoreaccount1;",
            AzuriteFixture.FastRetries());

        var failure = await Assert.ThrowsAsync<AlertOutboxException>(() => new TableAlertOutbox(unreachable, [new WebhookAlertChannel(new Uri("https://example.org/hook"), Http())], options)
            .EnqueueAsync(Opened(1), default));

        Assert.StartsWith("Could not create the alert outbox table", failure.Message, StringComparison.Ordinal);
    }
}
