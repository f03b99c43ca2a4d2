using AdminMfaWatchdog.Core.Alerts;

namespace AdminMfaWatchdog.Core.Ports;

/// <summary>One way of telling the security team: Teams, email, a webhook.</summary>
public interface IAlertChannel
{
    /// <summary>Stable and short ("teams", "email", "webhook"): the outbox keys deliveries by it.</summary>
    string Name { get; }

    /// <summary>Delivers the batch once; does not retry (the outbox does).</summary>
    /// <exception cref="AlertDeliveryException">Not delivered; says whether a retry can help.</exception>
    Task SendAsync(AlertBatch batch, CancellationToken cancellationToken);
}

/// <summary>
/// Where batches wait for their channels: a batch is stored once per channel before any delivery, kept
/// until that channel accepted it, retried with backoff on the next runs, and never queued twice.
/// </summary>
/// <remarks>Members throw <see cref="AlertOutboxException"/> when the outbox cannot be read or written.</remarks>
public interface IAlertOutbox
{
    /// <summary>
    /// Stores <paramref name="batch"/> for every channel. False when it was queued before (same batch id), or,
    /// for a digest, when the tenant already had one queued that UTC day.
    /// </summary>
    Task<bool> EnqueueAsync(AlertBatch batch, CancellationToken cancellationToken);

    /// <summary>Attempts every delivery that is due, once each.</summary>
    Task<AlertDeliveryReport> DeliverPendingAsync(CancellationToken cancellationToken);
}

/// <param name="Delivered">deliveries a channel accepted in this call (their rows are gone).</param>
/// <param name="Retrying">deliveries that failed transiently in this call and wait for a later attempt.</param>
/// <param name="Dead">deliveries refused for good in this call; kept in the outbox for operators, not retried.</param>
public sealed record AlertDeliveryReport(int Delivered, int Retrying, int Dead);

/// <summary>The outbox's store could not be read or written.</summary>
public sealed class AlertOutboxException(string message, Exception? innerException = null) : Exception(message, innerException);
