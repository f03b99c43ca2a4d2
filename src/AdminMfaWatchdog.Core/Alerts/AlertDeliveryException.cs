namespace AdminMfaWatchdog.Core.Alerts;

/// <summary>
/// A channel could not deliver a batch. <see cref="Permanent"/>: the receiver refused it for good (400, 401,
/// 403, 404...): retrying cannot help. Otherwise (429, 5xx, timeout, unreachable) a later attempt may succeed,
/// not before <see cref="RetryAfter"/> when the receiver said so. The message never holds a secret
/// (webhook URLs are shown as scheme://host/…).
/// </summary>
public sealed class AlertDeliveryException(string message, bool permanent, int? statusCode = null, TimeSpan? retryAfter = null)
    : Exception(message)
{
    public bool Permanent { get; } = permanent;

    /// <summary>The receiver's HTTP status; null when none came back (timeout, connection refused).</summary>
    public int? StatusCode { get; } = statusCode;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}
