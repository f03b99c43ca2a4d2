using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace AdminMfaWatchdog.Infrastructure.Graph;

/// <summary>
/// Graph responses as Graph JSON: the reader assembles the snapshot contract from them, so a live
/// scan and a snapshot scan go through the same parser. Requests are built by the SDK's request
/// builders and sent through its adapter and middleware; pages are followed to the end; batched
/// steps that come back throttled or failing are sent again on their own schedule.
/// </summary>
internal sealed class GraphJson(GraphServiceClient client, GraphOptions options, TimeProvider clock)
{
    private const int BatchSize = 20;
    private static readonly Dictionary<string, ParsableFactory<IParsable>> ErrorMapping = new()
    {
        ["XXX"] = ODataError.CreateFromDiscriminatorValue,
    };

    /// <summary>Every item of a collection, following <c>@odata.nextLink</c>.</summary>
    public async Task<List<JsonObject>> GetAllAsync(RequestInformation request, CancellationToken cancellationToken)
    {
        var page = await GetAsync(request, cancellationToken).ConfigureAwait(false)
            ?? throw new GraphReadException($"{Describe(request)} answered 404");
        return await CollectPagesAsync(page, request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One object or page; null when Graph answers 404 (a deleted object).</summary>
    public async Task<JsonObject?> GetAsync(RequestInformation request, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await client.RequestAdapter.SendPrimitiveAsync<Stream>(request, ErrorMapping, cancellationToken).ConfigureAwait(false)
                ?? throw new GraphReadException($"{Describe(request)} answered with no body");
            return Parse(await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false), request);
        }
        catch (ApiException ex) when (ex.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (ApiException ex)
        {
            throw new GraphReadException($"{Describe(request)} failed with HTTP {ex.ResponseStatusCode}: {(ex as ODataError)?.Error?.Code ?? ex.Message}", ex);
        }
    }

    /// <summary>
    /// Sends requests in <c>$batch</c> calls of 20, the calls in parallel. Returns each key's JSON
    /// (all pages of a collection), or null for a 404. Steps answered 429 or 5xx are retried in a
    /// later batch after the longest Retry-After among them; other failures fail the read. Later
    /// pages are batched too: every paged step's next page goes out in the same round, so a dozen
    /// long role-holder lists cost a batch per page depth, not a request per page.
    /// </summary>
    public async Task<Dictionary<string, JsonObject?>> BatchAsync(IReadOnlyList<(string Key, RequestInformation Request)> requests, CancellationToken cancellationToken)
    {
        var results = await SendBatchesAsync(requests, cancellationToken).ConfigureAwait(false);
        var paged = requests.Where(r => results[r.Key]?["@odata.nextLink"] is not null)
            .ToDictionary(r => r.Key, r => new PagedStep(r.Request, results[r.Key]!), StringComparer.Ordinal);
        while (paged.Count > 0)
        {
            var nextPages = await SendBatchesAsync(paged.Select(p => (p.Key, p.Value.NextPageRequest())).ToArray(), cancellationToken).ConfigureAwait(false);
            foreach (var (key, page) in nextPages)
            {
                var step = paged[key];
                step.Add(page ?? throw new GraphReadException($"a later page of {Describe(step.Request)} answered 404"));
                if (page["@odata.nextLink"] is not null) continue;
                results[key] = step.AllPages();
                paged.Remove(key);
            }
        }
        return results;
    }

    private async Task<Dictionary<string, JsonObject?>> SendBatchesAsync(IReadOnlyList<(string Key, RequestInformation Request)> requests, CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, JsonObject?>(StringComparer.Ordinal);
        var chunks = requests.Chunk(BatchSize).Select(chunk => RunChunkAsync(chunk, cancellationToken));
        foreach (var chunk in await Task.WhenAll(chunks).ConfigureAwait(false))
        {
            foreach (var (key, value) in chunk) results[key] = value;
        }
        return results;
    }

    private async Task<List<(string Key, JsonObject? Value)>> RunChunkAsync((string Key, RequestInformation Request)[] chunk, CancellationToken cancellationToken)
    {
        var results = new List<(string, JsonObject?)>();
        var pending = chunk.ToDictionary(c => c.Key, c => c.Request, StringComparer.Ordinal);
        for (var attempt = 0; pending.Count > 0; attempt++)
        {
            var batch = new BatchRequestContentCollection(client);
            foreach (var (key, request) in pending) await batch.AddBatchRequestStepAsync(request, key).ConfigureAwait(false);
            var responses = await client.Batch.PostAsync(batch, cancellationToken).ConfigureAwait(false);
            var statuses = await responses.GetResponsesStatusCodesAsync().ConfigureAwait(false);

            TimeSpan? wait = null;
            var onlyThrottled = true;
            foreach (var (key, status) in statuses)
            {
                if (IsTransient(status))
                {
                    onlyThrottled &= status == HttpStatusCode.TooManyRequests;
                    using var throttled = await responses.GetResponseByIdAsync(key).ConfigureAwait(false);
                    var retryAfter = GraphResilienceHandler.RetryAfter(throttled, options.MaxRetryAfter) ?? Backoff(attempt);
                    wait = wait is null || retryAfter > wait ? retryAfter : wait;
                    continue;
                }
                var request = pending[key];
                pending.Remove(key);
                if (status == HttpStatusCode.NotFound)
                {
                    results.Add((key, null));
                    continue;
                }
                if ((int)status is < 200 or > 299)
                    throw new GraphReadException($"{Describe(request)} (in $batch) failed with HTTP {(int)status}");
                // GetResponseStreamByIdAsync hands back an unrewound stream in Graph.Core 3.2; the message reads whole.
                using var response = await responses.GetResponseByIdAsync(key).ConfigureAwait(false);
                await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                results.Add((key, Parse(await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false), request)));
            }
            if (pending.Count == 0) break;
            if (attempt >= (onlyThrottled ? options.MaxThrottledBatchRounds : options.MaxRetries))
                throw new GraphReadException($"{pending.Count} $batch step(s) still throttled or failing after {attempt + 1} attempts, e.g. {Describe(pending.Values.First())}");
            // Jitter keeps the batches that were throttled together from coming back together.
            await Task.Delay((wait ?? Backoff(attempt)) + options.BaseDelay * Random.Shared.NextDouble(), clock, cancellationToken).ConfigureAwait(false);
        }
        return results;
    }

    private async Task<List<JsonObject>> CollectPagesAsync(JsonObject firstPage, RequestInformation request, CancellationToken cancellationToken)
    {
        var items = new List<JsonObject>();
        for (var page = firstPage; ;)
        {
            items.AddRange(TakeItems(page, request));
            if (page["@odata.nextLink"] is null) return items;
            page = await GetAsync(NextPageRequest(page, request), cancellationToken).ConfigureAwait(false)
                ?? throw new GraphReadException($"a later page of {Describe(request)} answered 404");
        }
    }

    /// <summary>A page's items, detached from it so that they can be gathered into one collection.</summary>
    private static List<JsonObject> TakeItems(JsonObject page, RequestInformation request)
    {
        var value = page["value"] as JsonArray ?? throw new GraphReadException($"{Describe(request)} returned no 'value' collection");
        var items = value.OfType<JsonObject>().ToList();
        value.Clear();
        return items;
    }

    private static RequestInformation NextPageRequest(JsonObject page, RequestInformation request)
    {
        var next = new RequestInformation { HttpMethod = Method.GET, URI = new Uri(page["@odata.nextLink"]!.GetValue<string>()) };
        // The SDK does not carry headers to later pages; advanced queries need ConsistencyLevel on each.
        foreach (var header in request.Headers) next.Headers.Add(header.Key, header.Value.ToArray());
        return next;
    }

    /// <summary>A batched collection read whose pages are gathered one round at a time.</summary>
    private sealed class PagedStep(RequestInformation request, JsonObject firstPage)
    {
        private readonly List<JsonObject> _items = TakeItems(firstPage, request);
        private JsonObject _lastPage = firstPage;

        public RequestInformation Request => request;

        public RequestInformation NextPageRequest() => GraphJson.NextPageRequest(_lastPage, request);

        public void Add(JsonObject page)
        {
            _items.AddRange(TakeItems(page, request));
            _lastPage = page;
        }

        public JsonObject AllPages() => new() { ["value"] = new JsonArray(_items.ToArray<JsonNode>()) };
    }

    private static JsonObject Parse(JsonNode? node, RequestInformation request) =>
        node as JsonObject ?? throw new GraphReadException($"{Describe(request)} did not answer with a JSON object");

    private static bool IsTransient(HttpStatusCode status) =>
        status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    private TimeSpan Backoff(int attempt) =>
        options.BaseDelay * Math.Pow(2, attempt) * (0.8 + Random.Shared.NextDouble() * 0.4);

    internal static string Describe(RequestInformation request)
    {
        var uri = request.URI;
        return $"{request.HttpMethod} {uri.AbsolutePath}";
    }
}

/// <summary>A Graph read that did not complete; the scan must be reported incomplete.</summary>
public sealed class GraphReadException(string message, Exception? innerException = null) : Exception(message, innerException);
