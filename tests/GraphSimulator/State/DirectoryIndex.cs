using System.Text.Json.Nodes;
using GraphSimulator.Query;

namespace GraphSimulator.State;

/// <summary>
/// Lookups over the directory objects, rebuilt after every mutation: lists stay the source of truth
/// (tests edit them freely inside <see cref="TenantState.Mutate"/>) while reads of large tenants stay O(1).
/// </summary>
internal sealed class DirectoryIndex
{
    private readonly Dictionary<string, TypedEntity> _byId = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, JsonObject> _userByUpn = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<JsonObject>> _parentGroups = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<JsonObject, List<JsonObject>> _childGroups = new(ReferenceEqualityComparer.Instance);

    public DirectoryIndex(TenantData data)
    {
        AddAll(data.Users, ODataTypes.User);
        AddAll(data.Groups, ODataTypes.Group);
        AddAll(data.ServicePrincipals, ODataTypes.ServicePrincipal);
        foreach (var user in data.Users)
        {
            if (JsonPath.GetString(user, "userPrincipalName") is { } upn)
            {
                _userByUpn[upn] = user;
            }
        }

        foreach (var group in data.Groups)
        {
            foreach (var memberId in MemberIds(group))
            {
                if (!_parentGroups.TryGetValue(memberId, out var parents))
                {
                    _parentGroups[memberId] = parents = [];
                }

                parents.Add(group);
                if (Find(memberId) is { } member && member.Is(ODataTypes.Group))
                {
                    if (!_childGroups.TryGetValue(group, out var children))
                    {
                        _childGroups[group] = children = [];
                    }

                    children.Add(member.Json);
                }
            }
        }
    }

    public TypedEntity? Find(string id) => _byId.GetValueOrDefault(id);

    public JsonObject? FindUserByUpn(string upn) => _userByUpn.GetValueOrDefault(upn);

    public IReadOnlyList<JsonObject> ParentGroups(string id) => _parentGroups.GetValueOrDefault(id) ?? [];

    /// <summary>The groups among a group's direct members, in member order, without walking its (maybe 100,000) users.</summary>
    public IReadOnlyList<JsonObject> ChildGroups(JsonObject group) => _childGroups.GetValueOrDefault(group) ?? [];

    /// <summary>The ids in a group's <c>members</c> array (the snapshot's direct members).</summary>
    public static IEnumerable<string> MemberIds(JsonObject group) =>
        JsonPath.Get(group, "members") is JsonArray members
            ? members.Select(m => m is JsonObject o ? JsonPath.GetString(o, "id") : null).OfType<string>()
            : [];

    private void AddAll(List<JsonObject> entities, string odataType)
    {
        foreach (var entity in entities)
        {
            var wrapped = new TypedEntity(entity, odataType);
            _byId[wrapped.Id] = wrapped;
        }
    }
}
