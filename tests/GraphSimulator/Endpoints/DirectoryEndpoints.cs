using System.Text.Json.Nodes;
using GraphSimulator.Query;
using GraphSimulator.Routing;
using GraphSimulator.State;
using GraphSimulator.Wire;

namespace GraphSimulator.Endpoints;

/// <summary>
/// Reads of users, groups and service principals: the entity sets, group members (direct and
/// transitive, with cast segments) and the memberOf views of every directory object.
/// </summary>
internal sealed class DirectoryEndpoints(EntityResponder responder, SimulatorOptions options)
{
    private static readonly CollectionSpec DirectoryObjects = new("directoryObjects", Polymorphic: true);

    public void Map(RouteTable routes)
    {
        var users = new CollectionSpec("users");
        var groups = new CollectionSpec("groups")
        {
            Expansions = new Dictionary<string, Expansion>(StringComparer.OrdinalIgnoreCase) { ["members"] = DirectoryExpansions.Members(options) },
        };
        var servicePrincipals = new CollectionSpec("servicePrincipals");

        responder.MapCollection(routes, "/users", users, (call, data) =>
            (IdsFilteredBy(call) is { } ids ? ids.Select(data.FindUser).OfType<JsonObject>().Distinct() : data.Users)
            .Select(u => new TypedEntity(u, ODataTypes.User)));
        responder.MapEntity(routes, "/users/{id}", users, (call, data) =>
            data.FindUser(call["id"]) is { } user ? new TypedEntity(user, ODataTypes.User) : null);
        responder.MapCollection(routes, "/groups", groups, (call, data) =>
            (IdsFilteredBy(call) is { } ids ? ids.Select(data.FindGroup).OfType<JsonObject>().Distinct() : data.Groups)
            .Select(g => new TypedEntity(g, ODataTypes.Group)));
        responder.MapEntity(routes, "/groups/{id}", groups, (call, data) =>
            data.FindGroup(call["id"]) is { } group ? new TypedEntity(group, ODataTypes.Group) : null);
        responder.MapEntitySet(routes, "/servicePrincipals", servicePrincipals, d => d.ServicePrincipals, _ => ODataTypes.ServicePrincipal);
        responder.MapEntity(routes, "/directoryObjects/{id}", DirectoryObjects, (call, data) => data.FindDirectoryObject(call["id"]));
        // The tenant itself: a reader without a configured tenant id learns it here.
        responder.MapCollection(routes, "/organization", new CollectionSpec("organization"), (_, data) =>
            [new TypedEntity(new JsonObject { ["id"] = data.TenantId, ["displayName"] = data.TenantId }, "#microsoft.graph.organization")]);

        MapMembers(routes, "members", (data, group) => data.DirectMembers(group)
            .Where(m => !(options.HideServicePrincipalsFromMembers && m.Is(ODataTypes.ServicePrincipal))), (data, group) => data.DirectMemberGroups(group));
        MapMembers(routes, "transitiveMembers", (data, group) => data.TransitiveMembers(group), (data, group) => data.TransitiveMemberGroups(group));

        foreach (var set in new[] { "users", "groups", "servicePrincipals", "directoryObjects" })
        {
            MapMemberOf(routes, $"/{set}/{{id}}/memberOf", (data, id) => data.DirectGroupsOf(id));
            MapMemberOf(routes, $"/{set}/{{id}}/transitiveMemberOf", (data, id) => data.TransitiveGroupsOf(id));
        }
    }

    /// <summary>
    /// <c>/groups/{id}/{navigation}</c> and its cast segments to users, groups and service principals.
    /// The group cast has its own source: it answers the same groups without visiting every user.
    /// </summary>
    private void MapMembers(RouteTable routes, string navigation, Func<TenantData, JsonObject, IEnumerable<TypedEntity>> members,
        Func<TenantData, JsonObject, IEnumerable<JsonObject>> memberGroups)
    {
        var template = $"/groups/{{id}}/{navigation}";
        static JsonObject Group(GraphCall call, TenantData data) => data.FindGroup(call["id"]) ?? throw GraphException.NotFound(call["id"]);

        responder.MapCollection(routes, template, DirectoryObjects, (call, data) => members(data, Group(call, data)));
        foreach (var (cast, odataType) in new[] { ("user", ODataTypes.User), ("servicePrincipal", ODataTypes.ServicePrincipal) })
        {
            responder.MapCollection(routes, $"{template}/microsoft.graph.{cast}", new CollectionSpec(cast + "s"),
                (call, data) => members(data, Group(call, data)).Where(m => m.Is(odataType)));
        }

        responder.MapCollection(routes, $"{template}/microsoft.graph.group", new CollectionSpec("groups"),
            (call, data) => memberGroups(data, Group(call, data)).Select(g => new TypedEntity(g, ODataTypes.Group)));
    }

    /// <summary>The groups an object is in; a user's id may also be its userPrincipalName.</summary>
    private void MapMemberOf(RouteTable routes, string template, Func<TenantData, string, IReadOnlyList<JsonObject>> groupsOf)
    {
        IEnumerable<TypedEntity> Of(GraphCall call, TenantData data)
        {
            var member = ResolveObject(data, call["id"]);
            return groupsOf(data, member.Id).Select(g => new TypedEntity(g, ODataTypes.Group));
        }

        responder.MapCollection(routes, template, DirectoryObjects, Of);
        responder.MapCollection(routes, template + "/microsoft.graph.group", new CollectionSpec("groups"), Of);
    }

    /// <summary>
    /// The ids a filter on ids names (<c>id eq '…'</c>, <c>id in (…)</c>), so that they are answered from
    /// the index, not by scanning every user or group: readers look objects up this way, and a
    /// 200,000-user tenant must stay fast to serve. The filter itself still applies afterwards.
    /// </summary>
    private static IEnumerable<string>? IdsFilteredBy(GraphCall call)
    {
        var literals = call.Query.Filter?.Expression switch
        {
            InFilter { Path: "id" } inFilter => inFilter.Literals,
            ComparisonFilter { Path: "id", Operator: "eq" } equals => [equals.Literal],
            _ => null,
        };
        return literals?.Select(l => l?.GetValue<string>()).OfType<string>();
    }

    internal static TypedEntity ResolveObject(TenantData data, string idOrUserPrincipalName) =>
        data.FindDirectoryObject(idOrUserPrincipalName)
        ?? (data.FindUser(idOrUserPrincipalName) is { } user ? new TypedEntity(user, ODataTypes.User) : null)
        ?? throw GraphException.NotFound(idOrUserPrincipalName);
}
