using Azure;

namespace AdminMfaWatchdog.Infrastructure.Storage.Tables;

/// <summary>
/// An entity group transaction the service refused. Nothing in it was applied;
/// <see cref="FailedTransactionActionIndex"/> is the position of the action that failed, when the service says.
/// </summary>
public sealed class TableTransactionFailedException(int status, string message, string? errorCode, int? failedTransactionActionIndex)
    : RequestFailedException(status, message, errorCode, null)
{
    public int? FailedTransactionActionIndex { get; } = failedTransactionActionIndex;
}
