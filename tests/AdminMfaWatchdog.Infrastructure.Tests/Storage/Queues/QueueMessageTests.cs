using AdminMfaWatchdog.Infrastructure.Storage.Queues;

namespace AdminMfaWatchdog.Infrastructure.Tests.Storage.Queues;

[Collection(AzuriteCollection.Name)]
public sealed class QueueMessageTests(AzuriteFixture azurite)
{
    // Needs XML escaping (<, &, quotes), is not ASCII, and keeps its spacing and line endings.
    private const string AwkwardText = "<change tenant=\"contoso\" & 'Zoë'> 管理者 ✓ </change>\r\n  trailing  ";

    private static readonly TimeSpan Hidden = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Creating_a_queue_twice_succeeds_both_times()
    {
        var queue = await azurite.CreateQueueAsync();

        await queue.CreateIfNotExistsAsync();

        Assert.Equal(0, await queue.GetApproximateMessageCountAsync());
    }

    [Fact]
    public async Task A_sent_message_is_received_intact_and_deleted_with_its_pop_receipt()
    {
        var queue = await azurite.CreateQueueAsync();

        var receipt = await queue.SendMessageAsync(AwkwardText);
        var received = Assert.Single(await queue.ReceiveMessagesAsync(QueueClient.MaxMessagesPerCall, Hidden));

        Assert.Equal(receipt.MessageId, received.MessageId);
        Assert.Equal(AwkwardText, received.MessageText);
        Assert.Equal(1, received.DequeueCount);
        Assert.Equal(receipt.InsertedOn, received.InsertedOn);
        Assert.InRange(received.NextVisibleOn, DateTimeOffset.UtcNow.AddMinutes(4), DateTimeOffset.UtcNow.AddMinutes(6));

        await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt);

        Assert.Equal(0, await queue.GetApproximateMessageCountAsync());
    }

    [Fact]
    public async Task An_empty_queue_receives_nothing()
    {
        var queue = await azurite.CreateQueueAsync();

        Assert.Empty(await queue.ReceiveMessagesAsync(1, Hidden));
        Assert.Empty(await queue.PeekMessagesAsync(1));
    }

    [Fact]
    public async Task Receive_returns_at_most_the_batch_asked_for()
    {
        var queue = await azurite.CreateQueueAsync();
        for (var i = 0; i < 3; i++)
        {
            await queue.SendMessageAsync($"change {i}");
        }

        Assert.Equal(2, (await queue.ReceiveMessagesAsync(2, Hidden)).Count);
        Assert.Single(await queue.ReceiveMessagesAsync(QueueClient.MaxMessagesPerCall, Hidden));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(QueueClient.MaxMessagesPerCall + 1)]
    public async Task A_batch_size_outside_1_to_32_is_refused_before_sending(int maxMessages)
    {
        var queue = await azurite.CreateQueueAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveMessagesAsync(maxMessages, Hidden));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.PeekMessagesAsync(maxMessages));
    }

    [Fact]
    public async Task A_received_message_stays_hidden_until_its_timeout_then_comes_back_dequeued_twice()
    {
        var queue = await azurite.CreateQueueAsync();
        await queue.SendMessageAsync("scan tenant");

        var first = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(1)));
        Assert.Empty(await queue.ReceiveMessagesAsync(1, Hidden));
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var again = Assert.Single(await queue.ReceiveMessagesAsync(1, Hidden));

        Assert.Equal(first.MessageId, again.MessageId);
        Assert.Equal(2, again.DequeueCount);
        Assert.NotEqual(first.PopReceipt, again.PopReceipt);
    }

    [Fact]
    public async Task Updating_visibility_returns_a_new_pop_receipt_and_zero_makes_the_message_visible_at_once()
    {
        var queue = await azurite.CreateQueueAsync();
        await queue.SendMessageAsync("scan tenant");
        var received = Assert.Single(await queue.ReceiveMessagesAsync(1, Hidden));

        var newReceipt = await queue.UpdateVisibilityAsync(received.MessageId, received.PopReceipt, TimeSpan.Zero);

        Assert.NotEqual(received.PopReceipt, newReceipt);
        var again = Assert.Single(await queue.ReceiveMessagesAsync(1, Hidden));
        Assert.Equal(received.MessageId, again.MessageId);
    }

    [Fact]
    public async Task Updating_visibility_can_hide_a_message_longer()
    {
        var queue = await azurite.CreateQueueAsync();
        await queue.SendMessageAsync("scan tenant");
        var received = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(1)));

        var newReceipt = await queue.UpdateVisibilityAsync(received.MessageId, received.PopReceipt, Hidden);
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.Empty(await queue.ReceiveMessagesAsync(1, Hidden));
        await queue.DeleteMessageAsync(received.MessageId, newReceipt);
        Assert.Equal(0, await queue.GetApproximateMessageCountAsync());
    }

    [Fact]
    public async Task Peeking_does_not_dequeue()
    {
        var queue = await azurite.CreateQueueAsync();
        var receipt = await queue.SendMessageAsync(AwkwardText);

        var peeked = Assert.Single(await queue.PeekMessagesAsync(QueueClient.MaxMessagesPerCall));
        Assert.Single(await queue.PeekMessagesAsync(1));

        Assert.Equal(new PeekedMessage(receipt.MessageId, AwkwardText, 0, receipt.InsertedOn), peeked);
        var received = Assert.Single(await queue.ReceiveMessagesAsync(1, Hidden));
        Assert.Equal(1, received.DequeueCount);
    }

    [Fact]
    public async Task The_approximate_count_includes_hidden_messages()
    {
        var queue = await azurite.CreateQueueAsync();
        await queue.SendMessageAsync("one");
        await queue.SendMessageAsync("two", visibilityTimeout: Hidden);
        await queue.SendMessageAsync("three", timeToLive: Timeout.InfiniteTimeSpan);

        Assert.Equal(3, await queue.GetApproximateMessageCountAsync());
        Assert.Equal(2, (await queue.PeekMessagesAsync(QueueClient.MaxMessagesPerCall)).Count);
    }
}
