using System.Text.Json.Nodes;

namespace AdminMfaWatchdog.Infrastructure.Graph;

/// <summary>
/// What the reader has gathered, kept as Graph JSON, and turned into the snapshot contract at the
/// end. Only objects that were read are referenced, so the snapshot is consistent by construction:
/// a group lists exactly the members whose membership the reader established.
/// </summary>
internal sealed class CollectedTenant(string tenantId)
{
    private readonly Dictionary<string, JsonObject> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, JsonObject> _groups = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, JsonObject> _servicePrincipals = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Dictionary<string, string>> _members = new(StringComparer.OrdinalIgnoreCase);
    private readonly object _lock = new();

    public List<JsonObject> Policies { get; set; } = [];
    public List<JsonObject> RoleDefinitions { get; set; } = [];
    public List<JsonObject> RoleAssignments { get; } = [];
    public List<JsonObject> RoleEligibilities { get; } = [];
    public List<JsonObject> NamedLocations { get; set; } = [];
    public List<JsonObject> AuthenticationStrengths { get; set; } = [];

    public IReadOnlyCollection<string> UserIds
    {
        get { lock (_lock) return _users.Keys.ToArray(); }
    }

    /// <summary>Users who hold a read role assignment or eligibility, directly or through a role group's membership.</summary>
    public IReadOnlyCollection<string> RoleHolderIds
    {
        get
        {
            lock (_lock)
            {
                var principals = RoleAssignments.Concat(RoleEligibilities).Select(h => h["principalId"]!.GetValue<string>()).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var viaGroups = principals.Where(_groups.ContainsKey).SelectMany(g => _members.GetValueOrDefault(g)?.Keys ?? Enumerable.Empty<string>());
                return principals.Concat(viaGroups).Where(_users.ContainsKey).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            }
        }
    }

    /// <summary>The ids of the given users (by id or UPN) that were read.</summary>
    public IEnumerable<string> UserIdsOf(IEnumerable<string> idsOrUpns)
    {
        lock (_lock)
        {
            return idsOrUpns.Select(key => _users.TryGetValue(key, out var byId) ? byId
                    : _users.Values.FirstOrDefault(u => string.Equals(u["userPrincipalName"]?.GetValue<string>(), key, StringComparison.OrdinalIgnoreCase)))
                .OfType<JsonObject>().Select(u => u["id"]!.GetValue<string>()).ToArray();
        }
    }

    /// <summary>
    /// Users that came without the selected properties: expanded principals carry Graph's default set
    /// only, which lacks accountEnabled and userType. A $select read always returns the key.
    /// </summary>
    public IReadOnlyCollection<string> UsersWithoutSelectedProperties
    {
        get { lock (_lock) return _users.Where(u => !u.Value.ContainsKey("accountEnabled")).Select(u => u.Key).ToArray(); }
    }

    /// <summary>Adds a directory object by its <c>@odata.type</c>; properties read twice are merged.</summary>
    public void AddObject(JsonObject directoryObject, string defaultType)
    {
        var type = directoryObject["@odata.type"]?.GetValue<string>() ?? defaultType;
        var target = type switch
        {
            "#microsoft.graph.user" => _users,
            "#microsoft.graph.group" => _groups,
            "#microsoft.graph.servicePrincipal" => _servicePrincipals,
            _ => null,
        };
        if (target is null || directoryObject["id"]?.GetValue<string>() is not { } id) return;
        lock (_lock)
        {
            if (!target.TryGetValue(id, out var known))
            {
                target[id] = (JsonObject)directoryObject.DeepClone();
                return;
            }
            foreach (var (name, value) in directoryObject)
            {
                if (value is not null && known[name] is null) known[name] = value.DeepClone();
            }
        }
    }

    public void AddMember(string groupId, string memberId, string memberType)
    {
        lock (_lock)
        {
            if (!_members.TryGetValue(groupId, out var members)) _members[groupId] = members = new(StringComparer.OrdinalIgnoreCase);
            members[memberId] = memberType;
        }
    }

    public JsonObject ToSnapshot()
    {
        lock (_lock)
        {
            var groups = _groups.Values.Select(group =>
            {
                var copy = (JsonObject)group.DeepClone();
                var members = _members.GetValueOrDefault(group["id"]!.GetValue<string>()) ?? [];
                copy["members"] = new JsonArray(members
                    .Where(m => Known(m.Key, m.Value))
                    .Select(m => (JsonNode)new JsonObject { ["@odata.type"] = m.Value, ["id"] = m.Key })
                    .ToArray());
                return copy;
            });
            var principals = new HashSet<string>(_users.Keys.Concat(_groups.Keys).Concat(_servicePrincipals.Keys), StringComparer.OrdinalIgnoreCase);
            return new JsonObject
            {
                ["tenantId"] = tenantId,
                ["users"] = Array(_users.Values),
                ["groups"] = Array(groups),
                ["servicePrincipals"] = Array(_servicePrincipals.Values),
                ["roleDefinitions"] = Array(RoleDefinitions),
                ["roleAssignments"] = Array(RoleAssignments.Where(a => principals.Contains(a["principalId"]!.GetValue<string>()))),
                ["roleEligibilitySchedules"] = Array(RoleEligibilities.Where(e => principals.Contains(e["principalId"]!.GetValue<string>()))),
                ["conditionalAccessPolicies"] = Array(Policies),
                ["namedLocations"] = Array(NamedLocations),
                ["authenticationStrengthPolicies"] = Array(AuthenticationStrengths),
            };
        }
    }

    private bool Known(string id, string type) => type switch
    {
        "#microsoft.graph.user" => _users.ContainsKey(id),
        "#microsoft.graph.group" => _groups.ContainsKey(id),
        "#microsoft.graph.servicePrincipal" => _servicePrincipals.ContainsKey(id),
        _ => false,
    };

    private static JsonArray Array(IEnumerable<JsonObject> items) => new(items.Select(i => (JsonNode)i.DeepClone()).ToArray());
}
