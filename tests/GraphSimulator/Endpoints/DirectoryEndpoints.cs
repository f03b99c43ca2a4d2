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

        responder.MapCollection(routes, "/users", users, (call, data) => UsersFor(call, data).Select(u => new TypedEntity(u, ODataTypes.User)));
        responder.MapEntity(routes, "/users/{id}", users, (call, data) =>
            data.FindUser(call["id"]) is { } user ? new TypedEntity(user, ODataTypes.User) : null);
        responder.MapEntitySet(routes, "/groups", groups, d => d.Groups, _ => ODataTypes.Group);
        responder.MapEntitySet(routes, "/servicePrincipals", servicePrincipals, d => d.ServicePrincipals, _ => ODataTypes.ServicePrincipal);
        responder.MapEntity(routes, "/directoryObjects/{id}", DirectoryObjects, (call, data) => data.FindDirectoryObject(call["id"]));
        // The tenant itself: a reader without a configured tenant id learns it here.
        responder.MapCollection(routes, "/organization", new CollectionSpec("organization"), (_, data) =>
            [new TypedEntity(new JsonObject { ["id"] = data.TenantId, ["displayName"] = data.TenantId }, "#microsoft.graph.organization")]);

        MapMembers(routes, "members", (data, group) => data.DirectMembers(group)
            .Where(m => !(options.HideServicePrincipalsFromMembers && m.Is(ODataTypes.ServicePrincipal))));
        MapMembers(routes, "transitiveMembers", (data, group) => data.TransitiveMembers(group));

        foreach (var set in new[] { "users", "groups", "servicePrincipals", "directoryObjects" })
        {
            MapMemberOf(routes, $"/{set}/{{id}}/memberOf", (data, id) => data.DirectGroupsOf(id));
            MapMemberOf(routes, $"/{set}/{{id}}/transitiveMemberOf", (data, id) => data.TransitiveGroupsOf(id));
        }
    }

    /// <summary><c>/groups/{id}/{navigation}</c> and its cast segments to users, groups and service principals.</summary>
    private void MapMembers(RouteTable routes, string navigation, Func<TenantData, JsonObject, IEnumerable<TypedEntity>> members)
    {
        var template = $"/groups/{{id}}/{navigation}";
        IEnumerable<TypedEntity> Of(GraphCall call, TenantData data) =>
            members(data, data.FindGroup(call["id"]) ?? throw GraphException.NotFound(call["id"]));

        responder.MapCollection(routes, template, DirectoryObjects, Of);
        foreach (var (cast, odataType) in new[] { ("user", ODataTypes.User), ("group", ODataTypes.Group), ("servicePrincipal", ODataTypes.ServicePrincipal) })
        {
            responder.MapCollection(routes, $"{template}/microsoft.graph.{cast}", new CollectionSpec(cast + "s"),
                (call, data) => Of(call, data).Where(m => m.Is(odataType)));
        }
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
    /// A filter on ids (<c>id eq '…'</c>, <c>id in (…)</c>) is answered from the index, not by scanning
    /// every user: readers re-read admins this way, and a 200,000-user tenant must stay fast to serve.
    /// The filter itself still applies afterwards.
    /// </summary>
    private static IEnumerable<JsonObject> UsersFor(GraphCall call, TenantData data)
    {
        var literals = call.Query.Filter?.Expression switch
        {
            InFilter { Path: "id" } inFilter => inFilter.Literals,
            ComparisonFilter { Path: "id", Operator: "eq" } equals => [equals.Literal],
            _ => null,
        };
        if (literals is null) return data.Users;
        return literals.Select(l => l?.GetValue<string>()).OfType<string>()
            .Select(id => data.FindUser(id)).OfType<JsonObject>().Distinct();
    }

    internal static TypedEntity ResolveObject(TenantData data, string idOrUserPrincipalName) =>
        data.FindDirectoryObject(idOrUserPrincipalName)
        ?? (data.FindUser(idOrUserPrincipalName) is { } user ? new TypedEntity(user, ODataTypes.User) : null)
        ?? throw GraphException.NotFound(idOrUserPrincipalName);
}
