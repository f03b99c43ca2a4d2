using System.Text.Json.Nodes;
using GraphSimulator.Query;

namespace GraphSimulator.State;

/// <summary>
/// The tenant as stored: the snapshot's entities as JSON, exactly as loaded (every property kept),
/// plus what the simulator records (deleted policies, sent mail). Only touch it inside
/// <see cref="TenantState.Read{T}"/> or <see cref="TenantState.Mutate"/>.
/// </summary>
public sealed class TenantData
{
    private readonly Lock _indexLock = new();
    private DirectoryIndex? _index;

    public string TenantId { get; set; } = string.Empty;

    public List<JsonObject> Users { get; } = [];

    /// <summary>Groups, each with its DIRECT members in <c>members</c>, as in the snapshot.</summary>
    public List<JsonObject> Groups { get; } = [];

    public List<JsonObject> ServicePrincipals { get; } = [];

    public List<JsonObject> RoleDefinitions { get; } = [];

    public List<JsonObject> RoleAssignments { get; } = [];

    /// <summary>Eligibility schedule INSTANCES (snapshot key <c>roleEligibilitySchedules</c>).</summary>
    public List<JsonObject> RoleEligibilitySchedules { get; } = [];

    public List<JsonObject> ConditionalAccessPolicies { get; } = [];

    public List<JsonObject> DeletedConditionalAccessPolicies { get; } = [];

    public List<JsonObject> NamedLocations { get; } = [];

    public List<JsonObject> AuthenticationStrengthPolicies { get; } = [];

    public List<SentMail> SentMail { get; } = [];

    /// <summary><c>directoryAudit</c> entries: preloaded from the snapshot, then one per audited write.</summary>
    public List<JsonObject> DirectoryAudits { get; } = [];

    /// <summary>Built once by whichever concurrent reader needs it first, after a mutation dropped it.</summary>
    private DirectoryIndex Index
    {
        get
        {
            if (Volatile.Read(ref _index) is { } index) return index;
            lock (_indexLock)
            {
                return _index ??= new DirectoryIndex(this);
            }
        }
    }

    /// <summary>A user, group or service principal by id.</summary>
    public TypedEntity? FindDirectoryObject(string id) => Index.Find(id);

    /// <summary>By id or by userPrincipalName, as <c>/users/{id | userPrincipalName}</c> resolves.</summary>
    public JsonObject? FindUser(string idOrUserPrincipalName) =>
        Index.Find(idOrUserPrincipalName) is { } entity && entity.Is(ODataTypes.User)
            ? entity.Json
            : Index.FindUserByUpn(idOrUserPrincipalName);

    public JsonObject? FindGroup(string id) =>
        Index.Find(id) is { } entity && entity.Is(ODataTypes.Group) ? entity.Json : null;

    public static JsonObject? FindById(IEnumerable<JsonObject> entities, string id) =>
        entities.FirstOrDefault(e => string.Equals(JsonPath.GetString(e, "id"), id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Direct members that exist in the tenant (dangling references are skipped, as Graph never returns them).</summary>
    public IEnumerable<TypedEntity> DirectMembers(JsonObject group) =>
        DirectoryIndex.MemberIds(group).Select(Index.Find).OfType<TypedEntity>();

    /// <summary>Every member reached through nested groups, each once, breadth first; cycles are tolerated.</summary>
    public IReadOnlyList<TypedEntity> TransitiveMembers(JsonObject group)
    {
        var result = new List<TypedEntity>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { JsonPath.GetString(group, "id") ?? string.Empty };
        var pending = new Queue<JsonObject>([group]);
        while (pending.TryDequeue(out var current))
        {
            foreach (var member in DirectMembers(current).Where(m => seen.Add(m.Id)))
            {
                result.Add(member);
                if (member.Is(ODataTypes.Group))
                {
                    pending.Enqueue(member.Json);
                }
            }
        }

        return result;
    }

    /// <summary>The groups among a group's direct members (<c>members/microsoft.graph.group</c>).</summary>
    public IReadOnlyList<JsonObject> DirectMemberGroups(JsonObject group) => Index.ChildGroups(group);

    /// <summary>
    /// The groups reached through nesting (<c>transitiveMembers/microsoft.graph.group</c>), in the
    /// order <see cref="TransitiveMembers"/> lists them: only groups lead further, so users need no visit.
    /// </summary>
    public IReadOnlyList<JsonObject> TransitiveMemberGroups(JsonObject group)
    {
        var result = new List<JsonObject>();
        var seen = new HashSet<JsonObject>(ReferenceEqualityComparer.Instance) { group };
        var pending = new Queue<JsonObject>([group]);
        while (pending.TryDequeue(out var current))
        {
            foreach (var child in Index.ChildGroups(current).Where(seen.Add))
            {
                result.Add(child);
                pending.Enqueue(child);
            }
        }

        return result;
    }

    public IReadOnlyList<JsonObject> DirectGroupsOf(string objectId) => Index.ParentGroups(objectId);

    /// <summary>The groups an object belongs to directly or through nesting (<c>transitiveMemberOf</c>).</summary>
    public IReadOnlyList<JsonObject> TransitiveGroupsOf(string objectId)
    {
        var result = new List<JsonObject>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { objectId };
        var pending = new Queue<string>([objectId]);
        while (pending.TryDequeue(out var current))
        {
            foreach (var group in Index.ParentGroups(current))
            {
                var groupId = JsonPath.GetString(group, "id") ?? string.Empty;
                if (seen.Add(groupId))
                {
                    result.Add(group);
                    pending.Enqueue(groupId);
                }
            }
        }

        return result;
    }

    /// <summary>Adds a direct member reference; the caller has checked that both objects exist.</summary>
    public void AddMember(JsonObject group, TypedEntity member)
    {
        if (JsonPath.Get(group, "members") is not JsonArray members)
        {
            group["members"] = members = [];
        }

        members.Add(new JsonObject { ["@odata.type"] = member.ODataType, ["id"] = member.Id });
    }

    /// <summary>Removes a direct member reference; false when it was not a direct member.</summary>
    public static bool RemoveMember(JsonObject group, string memberId)
    {
        if (JsonPath.Get(group, "members") is not JsonArray members)
        {
            return false;
        }

        var entry = members.FirstOrDefault(m =>
            m is JsonObject o && string.Equals(JsonPath.GetString(o, "id"), memberId, StringComparison.OrdinalIgnoreCase));
        return entry is not null && members.Remove(entry);
    }

    /// <summary>Called after every mutation: the lists may have changed in any way.</summary>
    internal void InvalidateIndex() => Volatile.Write(ref _index, null);

    internal void BuildIndex() => _ = Index;
}
