using GraphSimulator.Wire;

namespace GraphSimulator.Query;

/// <summary>
/// Absolute nextLinks on the simulator's own base URL: the SDK's PageIterator requests them verbatim,
/// so they must carry every original query option (and headers are the caller's business).
/// </summary>
internal static class NextLink
{
    public static string Build(GraphRequest request, SkipToken next)
    {
        var path = string.Join('/', request.Path.Split('/').Select(Uri.EscapeDataString));
        var options = request.Query
            .Where(o => !string.Equals(o.Key, "$skiptoken", StringComparison.OrdinalIgnoreCase))
            .Select(o => $"{EscapeName(o.Key)}={Uri.EscapeDataString(o.Value)}")
            .Append($"$skiptoken={next.Encode()}");
        return $"{request.BaseUrl}{path}?{string.Join('&', options)}";
    }

    /// <summary>Graph writes system query options with a literal <c>$</c>.</summary>
    private static string EscapeName(string name) => Uri.EscapeDataString(name).Replace("%24", "$", StringComparison.Ordinal);
}
