namespace AdminMfaWatchdog.Infrastructure.Storage.Queues;

/// <summary>
/// Queue service error codes found in <see cref="Azure.RequestFailedException.ErrorCode"/> that callers act on.
/// Not exhaustive: the service defines many more.
/// </summary>
public static class QueueErrorCode
{
    public const string QueueNotFound = nameof(QueueNotFound);
    public const string QueueAlreadyExists = nameof(QueueAlreadyExists);
    public const string MessageNotFound = nameof(MessageNotFound);
    public const string PopReceiptMismatch = nameof(PopReceiptMismatch);
    /// <summary>A wrong account key or signature (403); a missing role gives AuthorizationPermissionMismatch.</summary>
    public const string AuthenticationFailed = nameof(AuthenticationFailed);
}
