namespace GraphSimulator.Routing;

/// <summary>
/// A path template such as <c>/groups/{id}/members/$ref</c>. Graph matches path segments
/// case-insensitively; ids are compared as given.
/// </summary>
internal sealed class RouteTemplate
{
    private readonly string[] _segments;

    public RouteTemplate(string template)
    {
        Text = template;
        _segments = Split(template);
    }

    public string Text { get; }

    public static string[] Split(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(NormalizeCast).ToArray();

    public bool TryMatch(string[] pathSegments, out Dictionary<string, string> values)
    {
        values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (pathSegments.Length != _segments.Length)
        {
            return false;
        }

        for (var i = 0; i < _segments.Length; i++)
        {
            var expected = _segments[i];
            if (expected.StartsWith('{'))
            {
                values[expected[1..^1]] = pathSegments[i];
            }
            else if (!string.Equals(expected, pathSegments[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The .NET SDK writes casts as <c>graph.user</c>, the docs as <c>microsoft.graph.user</c>: both work on Graph.</summary>
    private static string NormalizeCast(string segment) =>
        segment.StartsWith("graph.", StringComparison.OrdinalIgnoreCase) ? "microsoft." + segment : segment;
}
