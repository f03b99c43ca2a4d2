using AdminMfaWatchdog.Core.ConditionalAccess;
using AdminMfaWatchdog.Core.Json;

namespace AdminMfaWatchdog.Core.Directory;

/// <summary>
/// Reads the tenant snapshot contract (DESIGN.md "Tenant snapshot"): Microsoft Graph v1.0 JSON shapes,
/// unknown properties ignored, every key but <c>tenantId</c> optional. Wrong types, unknown enum values
/// and dangling references (a role assignment or group member naming an object the snapshot lacks)
/// are errors that name the source and JSON path. Policy references to missing objects are not: a CA
/// policy keeps the id of a deleted group, and the evaluator reports it.
/// </summary>
public static class SnapshotJson
{
    public static TenantSnapshot Read(Stream utf8Json, string source)
    {
        using var document = JsonCursor.ParseDocument(utf8Json, source);
        var root = new JsonCursor(document.RootElement, source, "$").ExpectObject();

        var snapshot = new TenantSnapshot(
            root.RequiredString("tenantId"),
            root.Array("users").Select(ReadUser).ToArray(),
            root.Array("groups").Select(ReadGroup).ToArray(),
            root.Array("servicePrincipals").Select(sp => new ServicePrincipal(
                sp.RequiredString("id"), sp.OptionalString("displayName"), sp.OptionalString("appId"))).ToArray(),
            root.Array("roleDefinitions").Select(ReadRoleDefinition).ToArray(),
            root.Array("roleAssignments").Select(a => new RoleAssignment(
                a.RequiredString("principalId"), a.RequiredString("roleDefinitionId"),
                a.OptionalString("directoryScopeId") ?? "/")).ToArray(),
            root.Array("roleEligibilitySchedules").Select(e => new RoleEligibility(
                e.RequiredString("principalId"), e.RequiredString("roleDefinitionId"),
                e.OptionalString("directoryScopeId") ?? "/",
                e.OptionalDateTime("startDateTime"), e.OptionalDateTime("endDateTime"))).ToArray(),
            root.Array("conditionalAccessPolicies").Select(PolicyJson.Read).ToArray(),
            root.Array("namedLocations").Select(l => new NamedLocation(
                l.RequiredString("id"), l.OptionalString("displayName"), l.Bool("isTrusted", false))).ToArray(),
            root.Array("authenticationStrengthPolicies").Select(s => new AuthenticationStrengthPolicy(
                s.RequiredString("id"), s.OptionalString("displayName"),
                s.FlagsString("requirementsSatisfied"), s.StringArray("allowedCombinations"))).ToArray());

        SnapshotReferences.Check(snapshot, source);
        return snapshot;
    }

    private static DirectoryUser ReadUser(JsonCursor user) => new(
        user.RequiredString("id"),
        user.OptionalString("displayName"),
        user.OptionalString("userPrincipalName"),
        user.OptionalString("userType"),
        user.Bool("accountEnabled", true),
        user.OptionalString("employeeType"));

    private static DirectoryGroup ReadGroup(JsonCursor group) => new(
        group.RequiredString("id"),
        group.OptionalString("displayName"),
        group.StringArray("groupTypes"),
        group.OptionalString("membershipRule"),
        group.Bool("isAssignableToRole", false),
        group.Bool("securityEnabled", true),
        group.Array("members").Select(ReadMember).ToArray());

    private static GroupMember ReadMember(JsonCursor member)
    {
        var kind = member.OptionalString("@odata.type") switch
        {
            "#microsoft.graph.user" => PrincipalKind.User,
            "#microsoft.graph.group" => PrincipalKind.Group,
            "#microsoft.graph.servicePrincipal" => PrincipalKind.ServicePrincipal,
            null => throw new InvalidInputException(member.Source, member.ChildPath("@odata.type"),
                "required: the member's type (#microsoft.graph.user, #microsoft.graph.group or #microsoft.graph.servicePrincipal)"),
            _ => PrincipalKind.Other,
        };
        return new GroupMember(member.RequiredString("id"), kind);
    }

    private static RoleDefinition ReadRoleDefinition(JsonCursor role) => new(
        role.RequiredString("id"),
        role.OptionalString("templateId"),
        role.OptionalString("displayName"),
        role.Bool("isBuiltIn", true),
        role.Bool("isPrivileged", false));
}
