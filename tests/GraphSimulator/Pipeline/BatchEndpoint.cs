using System.Text.Json;
using System.Text.Json.Nodes;
using GraphSimulator.Routing;
using GraphSimulator.Wire;
using Microsoft.AspNetCore.WebUtilities;

namespace GraphSimulator.Pipeline;

/// <summary>
/// <c>POST /$batch</c> (json-batching.md): up to 20 steps, each sent through the full pipeline
/// (faults, throttling, stats) and answered with its own id, status, headers and body. As on Graph,
/// independent steps run concurrently (so a batch under latency costs one step's latency, not 20),
/// a step with <c>dependsOn</c> waits for those steps, and gets 424 when one of them failed.
/// Responses are listed in request order.
/// </summary>
internal sealed class BatchEndpoint(RequestPipeline pipeline)
{
    public const int MaxSteps = 20;

    public void Map(RouteTable routes) => routes.Map("POST", "/$batch", HandleAsync);

    private async Task<GraphResponse> HandleAsync(GraphCall call, CancellationToken cancellationToken)
    {
        var steps = Parse(call.Request.Body);
        var running = new Dictionary<string, Task<GraphResponse>>(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            // Parse guarantees that dependencies are earlier steps, so they are already running.
            var dependencies = step.DependsOn.Select(id => (Id: id, Response: running[id])).ToArray();
            running[step.Id] = RunAsync(call.Request, step, dependencies, cancellationToken);
        }

        var responses = new JsonArray();
        foreach (var step in steps) responses.Add(ToJson(step.Id, await running[step.Id]));
        return GraphResponse.Ok(new JsonObject { ["responses"] = responses });
    }

    private async Task<GraphResponse> RunAsync(GraphRequest batch, BatchStep step, (string Id, Task<GraphResponse> Response)[] dependencies, CancellationToken cancellationToken)
    {
        foreach (var (id, dependency) in dependencies)
        {
            if ((await dependency).Status is < 200 or >= 300)
                return GraphResponse.Error(424, "FailedDependency", $"The request depends on request '{id}', which failed.");
        }
        return await pipeline.DispatchAsync(ToRequest(batch, step), cancellationToken);
    }

    private static GraphRequest ToRequest(GraphRequest batch, BatchStep step)
    {
        var url = step.Url.StartsWith('/') ? step.Url : "/" + step.Url;
        var queryAt = url.IndexOf('?', StringComparison.Ordinal);
        var path = queryAt < 0 ? url : url[..queryAt];
        var query = queryAt < 0 ? [] : QueryHelpers.ParseQuery(url[queryAt..]);
        return new GraphRequest
        {
            Method = step.Method,
            Path = string.Join('/', path.Split('/').Select(Uri.UnescapeDataString)),
            Query = query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Headers = step.Headers,
            Body = step.Body,
            BaseUrl = batch.BaseUrl,
        };
    }

    private static JsonObject ToJson(string id, GraphResponse response)
    {
        var headers = new JsonObject();
        foreach (var (name, value) in response.Headers)
        {
            headers[name] = value;
        }

        var json = new JsonObject { ["id"] = id, ["status"] = response.Status, ["headers"] = headers };
        if (response.Body is not null)
        {
            headers["Content-Type"] = "application/json";
            json["body"] = response.Body.DeepClone();
        }
        else if (response.TextBody is not null)
        {
            headers["Content-Type"] = "text/plain";
            json["body"] = response.TextBody;
        }

        return json;
    }

    private static List<BatchStep> Parse(JsonNode? body)
    {
        if (body?["requests"] is not JsonArray requests)
        {
            throw Invalid("The batch body must be an object with a 'requests' array.");
        }

        if (requests.Count > MaxSteps)
        {
            throw Invalid($"Number of batch requests exceeds the limit of {MaxSteps}.");
        }

        var steps = new List<BatchStep>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var request in requests)
        {
            var step = BatchStep.Parse(request as JsonObject ?? throw Invalid("Every batch request must be an object."));
            if (!ids.Add(step.Id))
            {
                throw Invalid($"Batch request id '{step.Id}' is used more than once.");
            }

            var unknown = step.DependsOn.FirstOrDefault(d => !ids.Contains(d) || d == step.Id);
            if (unknown is not null)
            {
                throw Invalid($"Request '{step.Id}' depends on '{unknown}', which is not an earlier request of the batch.");
            }

            steps.Add(step);
        }

        return steps;
    }

    private static GraphException Invalid(string message) => new(400, "BadRequest", message);

    private sealed record BatchStep(string Id, string Method, string Url, IReadOnlyDictionary<string, string> Headers,
        JsonNode? Body, IReadOnlyList<string> DependsOn)
    {
        public static BatchStep Parse(JsonObject json)
        {
            var id = Text(json, "id") ?? throw Invalid("Every batch request needs an 'id'.");
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (json["headers"] is JsonObject given)
            {
                foreach (var (name, value) in given)
                {
                    headers[name] = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value?.ToJsonString() ?? string.Empty;
                }
            }

            var body = json["body"]?.DeepClone();
            if (body is not null && !headers.ContainsKey("Content-Type"))
            {
                throw Invalid($"Request '{id}' has a body but no Content-Type header.");
            }

            return new BatchStep(
                id,
                Text(json, "method") ?? throw Invalid($"Request '{id}' needs a 'method'."),
                Text(json, "url") ?? throw Invalid($"Request '{id}' needs a 'url'."),
                headers,
                body,
                json["dependsOn"] is JsonArray dependsOn ? dependsOn.Select(d => d?.GetValue<string>()).OfType<string>().ToList() : []);
        }

        private static string? Text(JsonObject json, string name) =>
            json[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
    }
}
