using AdminMfaWatchdog.Core.Findings;
using AdminMfaWatchdog.Core.Ports;
using AdminMfaWatchdog.Infrastructure.Storage.Tables;
using Azure;

namespace AdminMfaWatchdog.Infrastructure.Storage.Ledger;

/// <summary>Turns a Table service failure into the port's <see cref="FindingStoreException"/>, saying what the store was doing.</summary>
internal static class LedgerFailure
{
    public static async Task<T> GuardAsync<T>(string doing, Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (RequestFailedException failure)
        {
            throw Wrap(doing, failure);
        }
    }

    /// <param name="written">entries written before the failure, when it cut a write short.</param>
    public static FindingStoreException Wrap(string doing, RequestFailedException failure, IReadOnlyList<LedgerEntry>? written = null) =>
        new($"Could not {doing}: {Describe(failure)}", failure) { Written = written ?? [] };

    public static async Task GuardAsync(string doing, Func<Task> operation) =>
        await GuardAsync(doing, async () =>
        {
            await operation().ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);

    /// <summary>Another writer got there first: the row changed (412), was created (409) or was deleted (404) since it was read.</summary>
    public static bool IsWriteConflict(RequestFailedException failure) =>
        failure.Status == 412
        || (failure.Status == 409 && failure.ErrorCode == TableErrorCode.EntityAlreadyExists)
        || (failure.Status == 404 && failure.ErrorCode == TableErrorCode.ResourceNotFound);

    // Unreachable and transaction failures already carry a one-line message of ours; a plain service
    // refusal's message spans lines of headers and body, so its status and code say it best.
    private static string Describe(RequestFailedException failure) => failure switch
    {
        { Status: 0 } or TableTransactionFailedException => failure.Message,
        _ => $"the table service answered {failure.Status} {failure.ErrorCode ?? "without an error code"}.",
    };
}
