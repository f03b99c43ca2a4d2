using System.Globalization;
using System.Text.Json.Nodes;
using GraphSimulator.Query;
using GraphSimulator.Routing;
using GraphSimulator.State;
using GraphSimulator.Wire;

namespace GraphSimulator.Endpoints;

/// <summary>
/// Serves entities and collections the way Graph does: filter, order, page with nextLinks, select,
/// expand, <c>@odata.context</c>, <c>@odata.count</c> and the <c>/$count</c> segment.
/// </summary>
internal sealed class EntityResponder(TenantState state, SimulatorOptions options)
{
    /// <summary>Maps a stored list as an entity set: the collection, its <c>/$count</c> and <c>/{id}</c>.</summary>
    public void MapEntitySet(RouteTable routes, string template, CollectionSpec spec,
        Func<TenantData, List<JsonObject>> list, Func<JsonObject, string> typeOf)
    {
        MapCollection(routes, template, spec, (_, data) => list(data).Select(e => new TypedEntity(e, typeOf(e))));
        MapEntity(routes, template + "/{id}", spec, (call, data) =>
            TenantData.FindById(list(data), call["id"]) is { } found ? new TypedEntity(found, typeOf(found)) : null);
    }

    /// <summary>Maps <c>GET template</c> and <c>GET template/$count</c>; the source throws 404 for a missing parent.</summary>
    public void MapCollection(RouteTable routes, string template, CollectionSpec spec,
        Func<GraphCall, TenantData, IEnumerable<TypedEntity>> source)
    {
        routes.Map("GET", template, call => state.Read(data => Collection(call, data, source(call, data), spec)));
        routes.Map("GET", template + "/$count", call => state.Read(data => Count(call, source(call, data))));
    }

    /// <summary>Maps <c>GET template</c> for one entity; the finder returns null when it does not exist.</summary>
    public void MapEntity(RouteTable routes, string template, CollectionSpec spec,
        Func<GraphCall, TenantData, TypedEntity?> find)
    {
        routes.Map("GET", template, call => state.Read(data =>
        {
            var entity = find(call, data) ?? throw GraphException.NotFound(call["id"]);
            return Entity(call, data, entity, spec);
        }));
    }

    public GraphResponse Entity(GraphCall call, TenantData data, TypedEntity entity, CollectionSpec spec) =>
        GraphResponse.Ok(EntityBody(call, data, entity, spec));

    public JsonObject EntityBody(GraphCall call, TenantData data, TypedEntity entity, CollectionSpec spec)
    {
        var query = call.Query;
        var body = new JsonObject { ["@odata.context"] = Context(call, spec, query.Select) + "/$entity" };
        foreach (var (key, value) in Shape(data, entity, query, spec))
        {
            body[key] = value?.DeepClone();
        }

        return body;
    }

    private GraphResponse Collection(GraphCall call, TenantData data, IEnumerable<TypedEntity> items, CollectionSpec spec)
    {
        var query = call.Query;
        RequireAdvancedQueryHeaders(call.Request, query);
        var matching = Filter(items, query).ToList();
        var pageSize = query.Top ?? spec.DefaultPageSize ?? Math.Max(matching.Count, 1);
        var skip = query.SkipToken;
        var body = new JsonObject { ["@odata.context"] = Context(call, spec, query.Select) };
        if (query.Count && call.Request.HasEventualConsistency)
        {
            body["@odata.count"] = matching.Count;
        }

        body["value"] = new JsonArray(matching.Skip(skip.Offset).Take(pageSize)
            .Select(e => (JsonNode)Shape(data, e, query, spec)).ToArray());
        if (skip.Offset + pageSize < matching.Count)
        {
            body["@odata.nextLink"] = NextLink.Build(call.Request, new SkipToken(skip.Page + 1, skip.Offset + pageSize));
        }

        return GraphResponse.Ok(body);
    }

    /// <summary><c>/$count</c> answers a bare number, and only to advanced queries.</summary>
    private static GraphResponse Count(GraphCall call, IEnumerable<TypedEntity> items)
    {
        if (!call.Request.HasEventualConsistency)
        {
            throw new GraphException(400, "Request_BadRequest", "$count is not currently supported.");
        }

        return GraphResponse.Text(Filter(items, call.Query).Count().ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>ne, not, endsWith and $filter with $orderby need ConsistencyLevel: eventual and $count=true.</summary>
    private static void RequireAdvancedQueryHeaders(GraphRequest request, ODataQuery query)
    {
        var feature = query.Filter?.AdvancedFeature ?? (query.Filter is not null && query.OrderBy is not null ? "$orderby with $filter" : null);
        if (feature is not null && !(request.HasEventualConsistency && query.Count))
        {
            throw GraphException.UnsupportedQuery(
                $"Unsupported Query. '{feature}' is an advanced query: it needs the header 'ConsistencyLevel: eventual' and $count=true.");
        }
    }

    private static IEnumerable<TypedEntity> Filter(IEnumerable<TypedEntity> items, ODataQuery query)
    {
        if (query.Filter is { } filter)
        {
            items = items.Where(e => filter.Expression.Matches(e.Json));
        }

        if (query.OrderBy is { } order)
        {
            var comparer = Comparer<TypedEntity>.Create((a, b) =>
                string.Compare(JsonPath.Get(a.Json, order.Path)?.ToString(), JsonPath.Get(b.Json, order.Path)?.ToString(),
                    StringComparison.OrdinalIgnoreCase));
            items = order.Descending ? items.OrderDescending(comparer) : items.Order(comparer);
        }

        return items;
    }

    private JsonObject Shape(TenantData data, TypedEntity entity, ODataQuery query, CollectionSpec spec)
    {
        var shaped = Projection.Project(entity, query.Select, spec.Polymorphic, options.UserDefaultPropertySet);
        foreach (var expand in query.Expand)
        {
            if (!spec.Expansions.TryGetValue(expand.Name, out var expansion))
            {
                throw GraphException.BadRequest(
                    $"Could not find a property named '{expand.Name}' on type '{entity.ODataType.TrimStart('#')}'.");
            }

            shaped[expand.Name] = expansion(data, entity, expand.Select);
        }

        return shaped;
    }

    /// <summary><c>{base}/$metadata#users(id,displayName)</c>: Graph names the selected properties in the context.</summary>
    private static string Context(GraphCall call, CollectionSpec spec, IReadOnlyList<string>? select) =>
        $"{call.Request.BaseUrl}/$metadata#{spec.Context}" + (select is null ? string.Empty : $"({string.Join(',', select)})");
}
