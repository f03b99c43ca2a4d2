using AdminMfaWatchdog.Infrastructure.Storage.Queues;
using AdminMfaWatchdog.Infrastructure.Tests.Alerts;
using AdminMfaWatchdog.Infrastructure.Storage.Tables;
using Azure;

namespace AdminMfaWatchdog.Infrastructure.Tests.Storage.Queues;

[Collection(AzuriteCollection.Name)]
public sealed class QueueErrorTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Hidden = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Deleting_with_a_stale_pop_receipt_fails_and_leaves_the_message()
    {
        var queue = await azurite.CreateQueueAsync();
        await queue.SendMessageAsync("scan tenant");
        var received = Assert.Single(await queue.ReceiveMessagesAsync(1, Hidden));
        await queue.UpdateVisibilityAsync(received.MessageId, received.PopReceipt, Hidden);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => queue.DeleteMessageAsync(received.MessageId, received.PopReceipt));

        // Azure answers 404 MessageNotFound; Azurite 400 PopReceiptMismatch. Either way the message stays.
        Assert.Contains((error.Status, error.ErrorCode), new (int, string?)[] { (404, QueueErrorCode.MessageNotFound), (400, QueueErrorCode.PopReceiptMismatch) });
        Assert.Equal(1, await queue.GetApproximateMessageCountAsync());
    }

    [Fact]
    public async Task A_queue_that_does_not_exist_is_a_404_queue_not_found()
    {
        var missing = new QueueServiceClient(azurite.ConnectionString, AzuriteFixture.FastRetries(new QueueClientOptions()))
            .GetQueueClient($"missing-{Guid.NewGuid():N}");

        var onSend = await Assert.ThrowsAsync<RequestFailedException>(() => missing.SendMessageAsync("scan tenant"));
        var onCount = await Assert.ThrowsAsync<RequestFailedException>(() => missing.GetApproximateMessageCountAsync());

        Assert.All([onSend, onCount], error =>
        {
            Assert.Equal(404, error.Status);
            Assert.Equal(QueueErrorCode.QueueNotFound, error.ErrorCode);
        });
    }

    [Fact]
    public async Task A_wrong_account_key_is_a_403_that_does_not_quote_the_key()
    {
        var wrongKey = Convert.ToBase64String(Enumerable.Repeat((byte)7, 64).ToArray());
        var connectionString =
            $"AccountName={TableConnectionString.DevelopmentAccountName};AccountKey={wrongKey};QueueEndpoint={azurite.QueueEndpoint}";
        var queue = new QueueServiceClient(connectionString, AzuriteFixture.FastRetries(new QueueClientOptions())).GetQueueClient("denied");

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => queue.CreateIfNotExistsAsync());

        Assert.Equal(403, error.Status);
        Assert.Equal(QueueErrorCode.AuthenticationFailed, error.ErrorCode);
        Assert.DoesNotContain(wrongKey, error.ToString());
    }

    [Fact]
    public async Task An_unreachable_service_is_a_status_0_failure_naming_the_endpoint_and_not_the_key()
    {
        var closedPort = AlertReceiver.FreePort();
        var connectionString =
            $"AccountName=devstoreaccount1;AccountKey={TableConnectionString.DevelopmentAccountKey};QueueEndpoint=http://127.0.0.1:{closedPort}/devstoreaccount1";
        var queue = new QueueServiceClient(connectionString, AzuriteFixture.FastRetries(new QueueClientOptions())).GetQueueClient("changes");

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => queue.ReceiveMessagesAsync(1, Hidden));

        Assert.Equal(0, error.Status);
        Assert.StartsWith($"The queue service at http://127.0.0.1:{closedPort} could not be reached (2 attempts)", error.Message);
        Assert.DoesNotContain(TableConnectionString.DevelopmentAccountKey, error.ToString());
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Watchdog-Changes")]
    [InlineData("watchdog--changes")]
    [InlineData("-watchdog")]
    [InlineData("watchdog/changes")]
    public void An_invalid_queue_name_is_refused_with_the_rule(string name)
    {
        var service = new QueueServiceClient("UseDevelopmentStorage=true");

        var error = Assert.Throws<ArgumentException>(() => service.GetQueueClient(name));

        Assert.Contains("lower-case letters, digits and single hyphens", error.Message);
    }

    [Fact]
    public void The_watchdogs_queue_names_are_valid()
    {
        var service = new QueueServiceClient("UseDevelopmentStorage=true");

        Assert.Equal("watchdog-changes", service.GetQueueClient("watchdog-changes").Name);
        Assert.Equal("watchdog-changes-poison", service.GetQueueClient("watchdog-changes-poison").Name);
    }
}
