using System.Text.Json.Nodes;
using GraphSimulator.Query;
using GraphSimulator.State;

namespace GraphSimulator.Endpoints;

/// <summary>The <c>$expand</c> targets shared by several collections.</summary>
internal static class DirectoryExpansions
{
    /// <summary><c>principal</c> of a role assignment or eligibility: a user, group or service principal with its <c>@odata.type</c>.</summary>
    public static Expansion Principal(SimulatorOptions options) => (data, entity, select) =>
        JsonPath.GetString(entity.Json, "principalId") is { } id && data.FindDirectoryObject(id) is { } principal
            ? Projection.Project(principal, select, polymorphic: true, userDefaults: options.UserDefaultPropertySet)
            : null;

    public static JsonNode? RoleDefinition(TenantData data, TypedEntity entity, IReadOnlyList<string>? select) =>
        JsonPath.GetString(entity.Json, "roleDefinitionId") is { } id && TenantData.FindById(data.RoleDefinitions, id) is { } definition
            ? Projection.Project(new TypedEntity(definition, ODataTypes.RoleDefinition), select, polymorphic: false, userDefaults: false)
            : null;

    /// <summary><c>$expand=members</c> on a group: unlike <c>/members</c>, it includes service principals.</summary>
    public static Expansion Members(SimulatorOptions options) => (data, entity, select) =>
        new JsonArray(data.DirectMembers(entity.Json)
            .Select(m => (JsonNode)Projection.Project(m, select, polymorphic: true, userDefaults: options.UserDefaultPropertySet))
            .ToArray());
}
