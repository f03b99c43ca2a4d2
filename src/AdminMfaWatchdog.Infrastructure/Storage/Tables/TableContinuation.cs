using Azure;
using Azure.Core;

namespace AdminMfaWatchdog.Infrastructure.Storage.Tables;

/// <summary>
/// A query's continuation: the service returns the next partition and row key as response headers
/// and expects them back as query parameters. The page's continuation token carries both, separated
/// by a space (the service's tokens are base64-like and contain none).
/// </summary>
internal static class TableContinuation
{
    private const string NextPartitionKey = "NextPartitionKey";
    private const string NextRowKey = "NextRowKey";
    private const string HeaderPrefix = "x-ms-continuation-";

    public static string? Read(Response response)
    {
        if (!response.Headers.TryGetValue(HeaderPrefix + NextPartitionKey, out var partitionKey))
        {
            return null;
        }

        return response.Headers.TryGetValue(HeaderPrefix + NextRowKey, out var rowKey) ? $"{partitionKey} {rowKey}" : partitionKey;
    }

    public static void AppendTo(RequestUriBuilder uri, string? continuationToken)
    {
        if (string.IsNullOrEmpty(continuationToken))
        {
            return;
        }

        var separator = continuationToken.IndexOf(' ');
        uri.AppendQuery(NextPartitionKey, separator < 0 ? continuationToken : continuationToken[..separator]);
        if (separator >= 0)
        {
            uri.AppendQuery(NextRowKey, continuationToken[(separator + 1)..]);
        }
    }
}
