using System.Text.Json.Nodes;
using GraphSimulator.AuditLogs;
using GraphSimulator.Endpoints;
using GraphSimulator.Query;
using GraphSimulator.State;
using GraphSimulator.Wire;

namespace GraphSimulator.ChangeTracking;

/// <summary>
/// Tenant writes that leave traces: each one changes the tenant, records its audit entry in the same
/// mutation, then notifies the subscriptions that watch it. Graph endpoints call these as the
/// simulated app; the control API as a portal admin. Errors are Graph's (404 unknown object...).
/// The tasks complete when the notifications are delivered or given up.
/// </summary>
internal sealed class DirectoryChanges(TenantState state, DirectoryAuditLog audit, ChangeNotifier notifier, TimeProvider time)
{
    private static readonly HashSet<string> ReadOnlyUserProperties = new(StringComparer.OrdinalIgnoreCase) { "id", "@odata.type" };

    public Task AddGroupMemberAsync(string groupId, string memberId, AuditActor actor)
    {
        var (group, member) = state.Mutate(data =>
        {
            var group = WritableGroup(data, groupId);
            var member = data.FindDirectoryObject(memberId) ?? throw GraphException.NotFound(memberId);
            if (data.DirectMembers(group.Json).Any(m => string.Equals(m.Id, member.Id, StringComparison.OrdinalIgnoreCase)))
            {
                throw new GraphException(400, "Request_BadRequest",
                    "One or more added object references already exist for the following modified properties: 'members'.");
            }

            data.AddMember(group.Json, member);
            audit.Record(data, AuditActivity.AddGroupMember, actor, MemberTarget(member, group, added: true), AuditTarget.Of(group));
            return (group.Id, member.Id);
        });
        return notifier.PublishAsync(TenantChange.MemberAdded(group, member));
    }

    public Task RemoveGroupMemberAsync(string groupId, string memberId, AuditActor actor)
    {
        var group = state.Mutate(data =>
        {
            var group = WritableGroup(data, groupId);
            if (!TenantData.RemoveMember(group.Json, memberId))
            {
                throw GraphException.NotFound(memberId);
            }

            var member = data.FindDirectoryObject(memberId) ?? new TypedEntity(new JsonObject { ["id"] = memberId }, ODataTypes.User);
            audit.Record(data, AuditActivity.RemoveGroupMember, actor, MemberTarget(member, group, added: false), AuditTarget.Of(group));
            return group.Id;
        });
        return notifier.PublishAsync(TenantChange.MemberRemoved(group, memberId));
    }

    /// <summary>Merges <paramref name="patch"/> into the user as Graph's PATCH does (<c>id</c> is read-only).</summary>
    public Task UpdateUserAsync(string userId, JsonObject patch, AuditActor actor)
    {
        var id = state.Mutate(data =>
        {
            var user = data.FindUser(userId) ?? throw GraphException.NotFound(userId);
            var before = (JsonObject)user.DeepClone();
            JsonMerge.Apply(user, patch, ReadOnlyUserProperties);
            var modified = patch.Where(p => !ReadOnlyUserProperties.Contains(p.Key))
                .Select(p => (p.Key, JsonPath.Get(before, p.Key), JsonPath.Get(user, p.Key)))
                .ToArray();
            audit.Record(data, AuditActivity.UpdateUser, actor, AuditTarget.Of(new TypedEntity(user, ODataTypes.User), modified));
            return JsonPath.GetString(user, "id") ?? userId;
        });
        return notifier.PublishAsync(TenantChange.UserUpdated(id));
    }

    /// <summary>An active role assignment. Graph raises no change notification for roles: only the audit entry tells.</summary>
    public void AssignRole(string principalId, string roleDefinitionId, string directoryScopeId, AuditActor actor) =>
        state.Mutate(data =>
        {
            var (principal, role) = RoleParties(data, principalId, roleDefinitionId);
            if (FindAssignment(data, principal.Id, roleDefinitionId, directoryScopeId) is not null)
            {
                throw new GraphException(400, "Request_BadRequest",
                    "A conflicting object with one or more of the specified property values is present in the directory.");
            }

            data.RoleAssignments.Add(new JsonObject
            {
                ["id"] = Guid.NewGuid().ToString(),
                ["principalId"] = principal.Id,
                ["roleDefinitionId"] = JsonPath.GetString(role, "id"),
                ["directoryScopeId"] = directoryScopeId,
                ["appScopeId"] = null,
            });
            audit.Record(data, AuditActivity.AddRoleMember, actor, RoleMemberTarget(principal, role, added: true), AuditTarget.Role(role));
        });

    public void RemoveRoleAssignment(string principalId, string roleDefinitionId, string directoryScopeId, AuditActor actor) =>
        state.Mutate(data =>
        {
            var (principal, role) = RoleParties(data, principalId, roleDefinitionId);
            var assignment = FindAssignment(data, principal.Id, roleDefinitionId, directoryScopeId)
                ?? throw GraphException.NotFound($"{principalId} in {roleDefinitionId}");
            data.RoleAssignments.Remove(assignment);
            audit.Record(data, AuditActivity.RemoveRoleMember, actor, RoleMemberTarget(principal, role, added: false), AuditTarget.Role(role));
        });

    /// <summary>A CA policy PATCH. Graph raises no change notification for policies: only the audit entry tells.</summary>
    public void UpdatePolicy(string policyId, JsonObject patch, AuditActor actor) =>
        state.Mutate(data =>
        {
            var (before, after) = ConditionalAccessEndpoints.Patch(data, policyId, patch, time.GetUtcNow());
            audit.Record(data, AuditActivity.UpdatePolicy, actor, AuditTarget.Policy(before, after));
        });

    /// <summary>Dynamic groups refuse member writes: only their rule decides who is in.</summary>
    private static TypedEntity WritableGroup(TenantData data, string id)
    {
        var group = data.FindGroup(id) ?? throw GraphException.NotFound(id);
        if (JsonPath.Get(group, "groupTypes") is JsonArray types &&
            types.Any(t => string.Equals(t?.GetValue<string>(), "DynamicMembership", StringComparison.OrdinalIgnoreCase)))
        {
            throw new GraphException(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
        }

        return new TypedEntity(group, ODataTypes.Group);
    }

    /// <summary>Entra names the member first, with the group it joined or left in its modified properties.</summary>
    private static JsonObject MemberTarget(TypedEntity member, TypedEntity group, bool added)
    {
        JsonNode? Value(string? text) => text is null ? null : JsonValue.Create(text);
        var name = JsonPath.GetString(group.Json, "displayName");
        return AuditTarget.Of(member,
            ("Group.ObjectID", added ? null : Value(group.Id), added ? Value(group.Id) : null),
            ("Group.DisplayName", added ? null : Value(name), added ? Value(name) : null));
    }

    private static JsonObject RoleMemberTarget(TypedEntity principal, JsonObject role, bool added)
    {
        JsonNode? Value(string path) => JsonPath.Get(role, path)?.DeepClone();
        return AuditTarget.Of(principal,
            ("Role.DisplayName", added ? null : Value("displayName"), added ? Value("displayName") : null),
            ("Role.TemplateId", added ? null : Value("templateId"), added ? Value("templateId") : null));
    }

    private static (TypedEntity Principal, JsonObject Role) RoleParties(TenantData data, string principalId, string roleDefinitionId) =>
        (data.FindDirectoryObject(principalId) ?? throw GraphException.NotFound(principalId),
         TenantData.FindById(data.RoleDefinitions, roleDefinitionId) ?? throw GraphException.NotFound(roleDefinitionId));

    private static JsonObject? FindAssignment(TenantData data, string principalId, string roleDefinitionId, string directoryScopeId) =>
        data.RoleAssignments.FirstOrDefault(a =>
            string.Equals(JsonPath.GetString(a, "principalId"), principalId, StringComparison.OrdinalIgnoreCase) &&
            string.Equals(JsonPath.GetString(a, "roleDefinitionId"), roleDefinitionId, StringComparison.OrdinalIgnoreCase) &&
            string.Equals(JsonPath.GetString(a, "directoryScopeId"), directoryScopeId, StringComparison.OrdinalIgnoreCase));
}
