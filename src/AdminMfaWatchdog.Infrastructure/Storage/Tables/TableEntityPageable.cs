using Azure;

namespace AdminMfaWatchdog.Infrastructure.Storage.Tables;

/// <summary>Query results fetched one page at a time, following continuation tokens until the last page.</summary>
internal sealed class TableEntityPageable(
    Func<string?, int?, CancellationToken, Task<Page<TableEntity>>> fetchPage, CancellationToken cancellationToken)
    : AsyncPageable<TableEntity>(cancellationToken)
{
    public override async IAsyncEnumerable<Page<TableEntity>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        // The service may return an empty page that still has a continuation: keep going until it has none.
        do
        {
            var page = await fetchPage(continuationToken, pageSizeHint, CancellationToken).ConfigureAwait(false);
            yield return page;
            continuationToken = page.ContinuationToken;
        }
        while (continuationToken is not null);
    }
}
