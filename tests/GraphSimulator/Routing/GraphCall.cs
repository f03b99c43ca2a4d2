using GraphSimulator.Query;
using GraphSimulator.Wire;

namespace GraphSimulator.Routing;

/// <summary>A request matched to a route: the request, the values captured by the template and its query.</summary>
public sealed class GraphCall(GraphRequest request, IReadOnlyDictionary<string, string> routeValues)
{
    private ODataQuery? _query;

    public GraphRequest Request { get; } = request;

    public string this[string routeValue] => routeValues[routeValue];

    /// <summary>Parsed on first use, so that handlers that take no query options never reject one.</summary>
    public ODataQuery Query => _query ??= ODataQuery.Parse(Request);
}
