using System.Text.Json.Nodes;
using GraphSimulator.Query;
using GraphSimulator.Routing;
using GraphSimulator.State;
using GraphSimulator.Wire;

namespace GraphSimulator.Endpoints;

/// <summary>The directory's POST actions that read: <c>checkMemberGroups</c> and <c>getByIds</c>.</summary>
internal sealed class DirectoryActionEndpoints(TenantState state, SimulatorOptions options)
{
    private const int MaxCheckedGroups = 20;
    private const int MaxIds = 1000;

    public void Map(RouteTable routes)
    {
        foreach (var set in new[] { "users", "groups", "servicePrincipals", "directoryObjects" })
        {
            routes.Map("POST", $"/{set}/{{id}}/checkMemberGroups", CheckMemberGroups);
            routes.Map("POST", $"/{set}/getByIds", GetByIds);
        }
    }

    /// <summary>The subset of <c>groupIds</c> the object is a member of, directly or through nesting.</summary>
    private GraphResponse CheckMemberGroups(GraphCall call)
    {
        var groupIds = Strings(call.Request.Body, "groupIds") ?? throw GraphException.BadRequest("The 'groupIds' parameter is required.");
        if (groupIds.Count > MaxCheckedGroups)
        {
            throw GraphException.BadRequest($"At most {MaxCheckedGroups} groupIds can be checked in one request.");
        }

        var found = state.Read(data =>
        {
            var member = DirectoryEndpoints.ResolveObject(data, call["id"]);
            var memberOf = data.TransitiveGroupsOf(member.Id).Select(g => JsonPath.GetString(g, "id"))
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            return groupIds.Where(memberOf.Contains).ToList();
        });
        return GraphResponse.Ok(new JsonObject
        {
            ["@odata.context"] = $"{call.Request.BaseUrl}/$metadata#Collection(Edm.String)",
            ["value"] = new JsonArray(found.Select(id => (JsonNode?)id).ToArray()),
        });
    }

    /// <summary>Objects for up to 1,000 ids, optionally limited to <c>types</c> (user, group, servicePrincipal); unknown ids are skipped.</summary>
    private GraphResponse GetByIds(GraphCall call)
    {
        var ids = Strings(call.Request.Body, "ids") ?? throw GraphException.BadRequest("The 'ids' parameter is required.");
        if (ids.Count > MaxIds)
        {
            throw GraphException.BadRequest($"At most {MaxIds} ids can be requested at once.");
        }

        var types = Strings(call.Request.Body, "types")?.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var objects = state.Read(data => ids
            .Select(data.FindDirectoryObject)
            .OfType<TypedEntity>()
            .Where(o => types is null || types.Contains(ODataTypes.ShortName(o.ODataType)))
            .Select(o => (JsonNode)Projection.Project(o, call.Query.Select, polymorphic: true, userDefaults: options.UserDefaultPropertySet))
            .ToArray());
        return GraphResponse.Ok(new JsonObject
        {
            ["@odata.context"] = $"{call.Request.BaseUrl}/$metadata#directoryObjects",
            ["value"] = new JsonArray(objects),
        });
    }

    private static List<string>? Strings(JsonNode? body, string name) =>
        body?[name] is JsonArray items ? items.Select(i => i?.GetValue<string>()).OfType<string>().ToList() : null;
}
