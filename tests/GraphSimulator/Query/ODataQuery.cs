using System.Globalization;
using GraphSimulator.Wire;

namespace GraphSimulator.Query;

/// <summary>An <c>$expand</c> item, with the optional nested <c>$select</c> Graph accepts: <c>principal($select=id)</c>.</summary>
public sealed record ExpandOption(string Name, IReadOnlyList<string>? Select);

public sealed record OrderBy(string Path, bool Descending);

/// <summary>The OData system query options of one request.</summary>
public sealed class ODataQuery
{
    public const int MaxPageSize = 999;

    public IReadOnlyList<string>? Select { get; private init; }

    public ParsedFilter? Filter { get; private init; }

    public int? Top { get; private init; }

    public SkipToken SkipToken { get; private init; } = SkipToken.First;

    /// <summary><c>$count=true</c>; Graph honours it only with ConsistencyLevel: eventual.</summary>
    public bool Count { get; private init; }

    public IReadOnlyList<ExpandOption> Expand { get; private init; } = [];

    public OrderBy? OrderBy { get; private init; }

    public static ODataQuery Parse(GraphRequest request)
    {
        var query = request.Query;
        if (query.ContainsKey("$search"))
        {
            throw GraphException.UnsupportedQuery("$search is not supported by the simulator.");
        }

        return new ODataQuery
        {
            Select = query.TryGetValue("$select", out var select) ? SplitList(select) : null,
            Filter = query.TryGetValue("$filter", out var filter) && !string.IsNullOrWhiteSpace(filter)
                ? FilterParser.Parse(filter)
                : null,
            Top = query.TryGetValue("$top", out var top) ? ParseTop(top) : null,
            SkipToken = SkipToken.Of(request),
            Count = query.TryGetValue("$count", out var count) && string.Equals(count, "true", StringComparison.OrdinalIgnoreCase),
            Expand = query.TryGetValue("$expand", out var expand) ? ParseExpand(expand) : [],
            OrderBy = query.TryGetValue("$orderby", out var orderBy) ? ParseOrderBy(orderBy) : null,
        };
    }

    private static List<string> SplitList(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static int ParseTop(string value)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var top) || top is < 1 or > MaxPageSize)
        {
            throw new GraphException(400, "Request_BadRequest",
                $"Invalid page size specified: '{value}'. Must be between 1 and {MaxPageSize} inclusive.");
        }

        return top;
    }

    /// <summary>Splits on top-level commas only, so that <c>a($select=x,y),b</c> yields two items.</summary>
    private static List<ExpandOption> ParseExpand(string value)
    {
        var items = new List<ExpandOption>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= value.Length; i++)
        {
            if (i == value.Length || (value[i] == ',' && depth == 0))
            {
                var item = value[start..i].Trim();
                if (item.Length > 0)
                {
                    items.Add(ParseExpandItem(item));
                }

                start = i + 1;
            }
            else if (value[i] == '(')
            {
                depth++;
            }
            else if (value[i] == ')')
            {
                depth--;
            }
        }

        return items;
    }

    private static ExpandOption ParseExpandItem(string item)
    {
        var open = item.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return new ExpandOption(item, null);
        }

        var nested = item[(open + 1)..^1].Trim();
        const string selectPrefix = "$select=";
        if (!item.EndsWith(')') || !nested.StartsWith(selectPrefix, StringComparison.OrdinalIgnoreCase))
        {
            throw GraphException.UnsupportedQuery($"Only $select is supported inside $expand: '{item}'.");
        }

        return new ExpandOption(item[..open].Trim(), SplitList(nested[selectPrefix.Length..]));
    }

    private static OrderBy ParseOrderBy(string value)
    {
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 1 or > 2 || value.Contains(',', StringComparison.Ordinal))
        {
            throw GraphException.UnsupportedQuery($"Only one $orderby property is supported: '{value}'.");
        }

        return new OrderBy(parts[0], parts.Length == 2 && string.Equals(parts[1], "desc", StringComparison.OrdinalIgnoreCase));
    }
}
