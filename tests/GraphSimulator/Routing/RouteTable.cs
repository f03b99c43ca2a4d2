using GraphSimulator.Wire;

namespace GraphSimulator.Routing;

public delegate Task<GraphResponse> GraphHandler(GraphCall call, CancellationToken cancellationToken);

/// <summary>
/// The Graph endpoints the simulator serves. Endpoint classes add their routes here; adding an
/// endpoint is one <see cref="Map"/> call.
/// </summary>
public sealed class RouteTable
{
    private readonly List<(string Method, RouteTemplate Template, GraphHandler Handler)> _routes = [];

    public void Map(string method, string template, GraphHandler handler) =>
        _routes.Add((method, new RouteTemplate(template), handler));

    /// <summary>For handlers that answer from memory without awaiting anything.</summary>
    public void Map(string method, string template, Func<GraphCall, GraphResponse> handler) =>
        Map(method, template, (call, _) => Task.FromResult(handler(call)));

    public Task<GraphResponse> DispatchAsync(GraphRequest request, CancellationToken cancellationToken)
    {
        var segments = RouteTemplate.Split(request.Path);
        var pathMatched = false;
        foreach (var (method, template, handler) in _routes)
        {
            if (!template.TryMatch(segments, out var values))
            {
                continue;
            }

            pathMatched = true;
            if (string.Equals(method, request.Method, StringComparison.OrdinalIgnoreCase))
            {
                return handler(new GraphCall(request, values), cancellationToken);
            }
        }

        return Task.FromResult(pathMatched
            ? GraphResponse.Error(405, "Request_BadRequest",
                $"The HTTP method '{request.Method}' is not supported for '{request.Path}'.")
            : GraphResponse.Error(400, "BadRequest",
                $"Resource not found for the segment '{segments.LastOrDefault() ?? string.Empty}'."));
    }
}
