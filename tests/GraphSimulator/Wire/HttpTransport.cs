using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphSimulator.Pipeline;
using GraphSimulator.Routing;
using Microsoft.AspNetCore.Http;

namespace GraphSimulator.Wire;

/// <summary>
/// Turns Kestrel requests into <see cref="GraphRequest"/>s and <see cref="GraphResponse"/>s back into
/// HTTP: <c>/v1.0/*</c> goes through the Graph pipeline (after the configured latency), <c>/_simulator/*</c>
/// to the control routes.
/// </summary>
internal sealed class HttpTransport(RequestPipeline pipeline, RouteTable controlRoutes, SimulatorOptions options)
{
    public const string GraphPrefix = "/v1.0";
    public const string ControlPrefix = "/_simulator";
    private const string JsonContentType =
        "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    public async Task HandleAsync(HttpContext context, CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var cancellationToken = linked.Token;
        try
        {
            var path = context.Request.Path;
            GraphResponse response;
            if (path.StartsWithSegments(GraphPrefix, StringComparison.OrdinalIgnoreCase, out var graphPath))
            {
                var request = await ReadAsync(context, graphPath.Value ?? string.Empty, cancellationToken);
                if (options.Latency > TimeSpan.Zero)
                {
                    await Task.Delay(options.Latency, cancellationToken);
                }

                response = await pipeline.DispatchAsync(request, cancellationToken);
            }
            else if (path.StartsWithSegments(ControlPrefix, StringComparison.OrdinalIgnoreCase, out var controlPath))
            {
                var request = await ReadAsync(context, controlPath.Value ?? string.Empty, cancellationToken);
                response = request.HasMalformedBody ? GraphResponse.MalformedBody() : await DispatchControlAsync(request, cancellationToken);
            }
            else
            {
                response = GraphResponse.Error(404, "NotFound", $"Only {GraphPrefix} and {ControlPrefix} are served here.");
            }

            await WriteAsync(context, response, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client gave up (a hang fault did its job) or the simulator is stopping: nobody to answer.
        }
    }

    private async Task<GraphResponse> DispatchControlAsync(GraphRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await controlRoutes.DispatchAsync(request, cancellationToken);
        }
        catch (GraphException error)
        {
            return error.ToResponse();
        }
    }

    private static async Task<GraphRequest> ReadAsync(HttpContext context, string path, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(cancellationToken);
        JsonNode? body = null;
        var malformed = false;
        if (!string.IsNullOrWhiteSpace(text))
        {
            try
            {
                body = JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                malformed = true;
            }
        }

        var http = context.Request;
        return new GraphRequest
        {
            Method = http.Method,
            Path = path,
            Query = http.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Headers = http.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Body = body,
            HasMalformedBody = malformed,
            BaseUrl = $"{http.Scheme}://{http.Host}{GraphPrefix}",
        };
    }

    private static async Task WriteAsync(HttpContext context, GraphResponse response, CancellationToken cancellationToken)
    {
        var http = context.Response;
        http.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            http.Headers[name] = value;
        }

        if (response.Body is not null)
        {
            http.ContentType = JsonContentType;
            await http.WriteAsync(response.Body.ToJsonString(WireJson.Options), cancellationToken);
        }
        else if (response.TextBody is not null)
        {
            http.ContentType = "text/plain;charset=utf-8";
            await http.WriteAsync(response.TextBody, cancellationToken);
        }
    }
}
