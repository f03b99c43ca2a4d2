using AdminMfaWatchdog.Infrastructure.Storage.Queues;
using Azure;

namespace AdminMfaWatchdog.Infrastructure.Hosting.Changes;

/// <summary>
/// The <c>watchdog-changes</c> queue and its poison queue. Changes are persisted here before Graph gets
/// its 202, and leave only when a scan has covered them (or after <see cref="MaxAttempts"/> failed tries,
/// into <c>watchdog-changes-poison</c>, where they wait for a person).
/// </summary>
public sealed class ChangeQueue(QueueServiceClient service, string queueName = ChangeQueue.DefaultName)
{
    public const string DefaultName = "watchdog-changes";

    /// <summary>Attempts before a message is set aside; the Functions host's maxDequeueCount is the same 5.</summary>
    public const int MaxAttempts = 5;

    // Queue messages hold 64 KiB; base64 costs a third: keep each message's JSON well below.
    private const int MaxChangesPerMessage = 200;

    private readonly QueueClient _queue = service.GetQueueClient(queueName);
    private readonly QueueClient _poison = service.GetQueueClient(queueName + "-poison");
    private readonly SemaphoreSlim _enqueuedHere = new(0, 1);
    private volatile bool _created;

    public string Name => _queue.Name;

    public string PoisonName => _poison.Name;

    /// <exception cref="RequestFailedException">the queue could not be written: the caller must not acknowledge the changes.</exception>
    public async Task EnqueueAsync(ChangeMessage message, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        foreach (var part in message.Changes.Chunk(MaxChangesPerMessage))
        {
            await _queue.SendMessageAsync((message with { Changes = part }).ToJson(), null, null, cancellationToken).ConfigureAwait(false);
        }

        // One pending wake-up is enough: the woken reader takes everything queued by then.
        if (_enqueuedHere.CurrentCount == 0)
        {
            try
            {
                _enqueuedHere.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another enqueue signalled first.
            }
        }
    }

    /// <summary>
    /// Waits until this instance enqueues a change or <paramref name="timeout"/> passes, whichever is first:
    /// a reader in the same process (serve) starts on a change at once instead of at its next poll; changes
    /// queued by other processes still wait for the poll.
    /// </summary>
    /// <returns>true when woken by an enqueue, false when the timeout passed.</returns>
    public Task<bool> WaitForChangesAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _enqueuedHere.WaitAsync(timeout, cancellationToken);

    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return await _queue.ReceiveMessagesAsync(maxMessages, visibilityTimeout, cancellationToken).ConfigureAwait(false);
    }

    public Task CompleteAsync(QueueMessage message, CancellationToken cancellationToken) =>
        _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);

    /// <summary>Makes a failed message visible again after <paramref name="delay"/>, for its next attempt.</summary>
    public Task RetryLaterAsync(QueueMessage message, TimeSpan delay, CancellationToken cancellationToken) =>
        _queue.UpdateVisibilityAsync(message.MessageId, message.PopReceipt, delay, cancellationToken);

    /// <summary>Moves a message to the poison queue, unchanged, so nothing is lost.</summary>
    public async Task SetAsideAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        await _poison.SendMessageAsync(message.MessageText, null, null, cancellationToken).ConfigureAwait(false);
        await CompleteAsync(message, cancellationToken).ConfigureAwait(false);
    }

    private async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_created) return;
        await _queue.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await _poison.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        _created = true;
    }
}
