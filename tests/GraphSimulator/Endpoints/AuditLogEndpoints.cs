using System.Globalization;
using System.Text.Json.Nodes;
using GraphSimulator.Query;
using GraphSimulator.Routing;
using GraphSimulator.State;
using GraphSimulator.Throttling;
using GraphSimulator.Wire;

namespace GraphSimulator.Endpoints;

/// <summary>
/// <c>GET /auditLogs/directoryAudits[/{id}]</c>: <c>$filter</c> (with unquoted date-time literals),
/// <c>$orderby=activityDateTime [asc|desc]</c> (newest first by default), <c>$top</c>, <c>$select</c>
/// and nextLinks. Unlike directory objects, reports take <c>$filter</c> with <c>$orderby</c> without
/// advanced-query headers. Entries younger than the ingestion delay are not listed yet.
/// </summary>
internal sealed class AuditLogEndpoints(TenantState state, SimulatorOptions options, TimeProvider time)
{
    private const string Collection = "/auditLogs/directoryAudits";
    private const string ODataType = "#microsoft.graph.directoryAudit";

    /// <summary>Reports answer up to 1,000 entries per page, as signIns do.</summary>
    private const int DefaultPageSize = 1000;

    private readonly ReportsThrottle _throttle = new(time);

    public void Map(RouteTable routes)
    {
        routes.Map("GET", Collection, call => Throttled() ?? List(call));
        routes.Map("GET", Collection + "/{id}", call => Throttled() ?? Get(call));
    }

    private GraphResponse List(GraphCall call)
    {
        var query = call.Query;
        var entries = Visible().Where(e => query.Filter?.Expression.Matches(e) ?? true);
        entries = query.OrderBy switch
        {
            null => entries.OrderByDescending(ActivityTime),
            { Path: var path } when !string.Equals(path, "activityDateTime", StringComparison.OrdinalIgnoreCase) =>
                throw GraphException.UnsupportedQuery($"Unsupported Query. $orderby is supported on activityDateTime only, not '{path}'."),
            { Descending: true } => entries.OrderByDescending(ActivityTime),
            _ => entries.OrderBy(ActivityTime),
        };
        var matching = entries.ToList();
        var pageSize = query.Top ?? DefaultPageSize;
        var skip = query.SkipToken;
        var body = new JsonObject
        {
            ["@odata.context"] = $"{call.Request.BaseUrl}/$metadata#auditLogs/directoryAudits" + SelectSuffix(query),
            ["value"] = new JsonArray(matching.Skip(skip.Offset).Take(pageSize).Select(e => (JsonNode)Shape(e, query)).ToArray()),
        };
        if (skip.Offset + pageSize < matching.Count)
        {
            body["@odata.nextLink"] = NextLink.Build(call.Request, new SkipToken(skip.Page + 1, skip.Offset + pageSize));
        }

        return GraphResponse.Ok(body);
    }

    private GraphResponse Get(GraphCall call)
    {
        var entry = TenantData.FindById(Visible(), call["id"]) ?? throw GraphException.NotFound(call["id"]);
        var body = new JsonObject { ["@odata.context"] = $"{call.Request.BaseUrl}/$metadata#auditLogs/directoryAudits{SelectSuffix(call.Query)}/$entity" };
        foreach (var (key, value) in Shape(entry, call.Query))
        {
            body[key] = value?.DeepClone();
        }

        return GraphResponse.Ok(body);
    }

    /// <summary>Copies of the entries old enough to have been ingested, so that shaping happens outside the lock.</summary>
    private List<JsonObject> Visible()
    {
        var cutoff = time.GetUtcNow() - options.AuditLogIngestionDelay;
        return state.Read(data => data.DirectoryAudits
            .Where(e => ActivityTime(e) <= cutoff)
            .Select(e => (JsonObject)e.DeepClone())
            .ToList());
    }

    private GraphResponse? Throttled() =>
        options.ReportsThrottle is { } limit && _throttle.TryAdmit(limit) is { } retryAfter
            ? GraphResponse.Error(429, "TooManyRequests", "Too many requests. Please retry again later.")
                .WithHeader("Retry-After", retryAfter.ToString(CultureInfo.InvariantCulture))
            : null;

    private static JsonObject Shape(JsonObject entry, ODataQuery query) =>
        Projection.Project(new TypedEntity(entry, ODataType), query.Select, polymorphic: false, userDefaults: false);

    private static string SelectSuffix(ODataQuery query) => query.Select is { } select ? $"({string.Join(',', select)})" : string.Empty;

    private static DateTimeOffset ActivityTime(JsonObject entry) =>
        DateTimeOffset.TryParse(JsonPath.GetString(entry, "activityDateTime"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : DateTimeOffset.MinValue;
}
