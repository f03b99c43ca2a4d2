using AdminMfaWatchdog.Infrastructure.Hosting.Changes;
using AdminMfaWatchdog.Infrastructure.Storage.Queues;
using Azure;
using Microsoft.Extensions.Logging;

namespace AdminMfaWatchdog.Infrastructure.Hosting.Background;

/// <summary>
/// <c>watchdog serve</c>'s queue trigger: receives changes in batches and hands each to the
/// <see cref="ChangeProcessor"/>, which turns a burst into one scan. A message leaves the queue only when
/// processed; a failed one comes back after a growing delay, and after <see cref="ChangeQueue.MaxAttempts"/>
/// attempts (or at once if it is not a change message) it goes to the poison queue, as Functions does.
/// </summary>
/// <param name="retryBaseDelay">the first retry's delay, doubled per attempt (default 2 s; at most 5 minutes).</param>
public sealed class ChangeQueueWorker(ChangeQueue queue, ChangeProcessor processor, TimeProvider clock, ILogger<ChangeQueueWorker> logger, TimeSpan? retryBaseDelay = null)
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(5);

    private const int BatchSize = 32;

    /// <summary>Long enough for debounce plus a scan; a message still invisible is not picked up twice.</summary>
    private static readonly TimeSpan VisibilityTimeout = TimeSpan.FromMinutes(10);

    /// <summary>How often an idle queue is read for other processes' changes; this process's own wake the worker at once.</summary>
    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(250);

    public async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var batch = await queue.ReceiveAsync(BatchSize, VisibilityTimeout, stopping).ConfigureAwait(false);
                foreach (var message in batch) await HandleAsync(message, stopping).ConfigureAwait(false);
                if (batch.Count == 0) await queue.WaitForChangesAsync(IdlePoll, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (RequestFailedException failure)
            {
                logger.LogError("The change queue {Queue} could not be read ({Status} {Code}); retrying.", queue.Name, failure.Status, failure.ErrorCode);
                await Task.Delay(TimeSpan.FromSeconds(5), clock, stopping).ConfigureAwait(false);
            }
        }
    }

    public async Task HandleAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        if (message.DequeueCount > ChangeQueue.MaxAttempts)
        {
            await queue.SetAsideAsync(message, cancellationToken).ConfigureAwait(false);
            logger.LogError("Change message {MessageId} failed {Attempts} times; moved to {Poison}.", message.MessageId, ChangeQueue.MaxAttempts, queue.PoisonName);
            return;
        }

        ChangeMessage change;
        try
        {
            change = ChangeMessage.Parse(message.MessageText);
        }
        catch (FormatException problem)
        {
            await queue.SetAsideAsync(message, cancellationToken).ConfigureAwait(false);
            logger.LogError("Message {MessageId} is not a change message ({Problem}); moved to {Poison}.", message.MessageId, problem.Message, queue.PoisonName);
            return;
        }

        try
        {
            var outcome = await processor.ProcessAsync(change, cancellationToken).ConfigureAwait(false);
            await queue.CompleteAsync(message, cancellationToken).ConfigureAwait(false);
            logger.LogDebug("Change message {MessageId}: {Outcome}.", message.MessageId, outcome);
        }
        catch (Exception problem) when (problem is not OperationCanceledException)
        {
            var first = retryBaseDelay ?? TimeSpan.FromSeconds(2);
            var delay = TimeSpan.FromTicks((long)Math.Min(MaxRetryDelay.Ticks, first.Ticks * Math.Pow(2, message.DequeueCount - 1)));
            logger.LogWarning("Change message {MessageId} attempt {Attempt} failed ({Problem}); next attempt in {Delay}.", message.MessageId, message.DequeueCount, problem.Message, delay);
            await queue.RetryLaterAsync(message, delay, cancellationToken).ConfigureAwait(false);
        }
    }
}
