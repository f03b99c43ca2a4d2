using System.Text.Json.Nodes;
using GraphSimulator.Query;
using GraphSimulator.State;
using GraphSimulator.Wire;

namespace GraphSimulator.AuditLogs;

/// <summary>Builds a directoryAudit's <c>targetResources</c> items (v1.0 <c>targetResource</c>: every property present, null when unknown).</summary>
internal static class AuditTarget
{
    /// <summary>A directory object, typed as the audit log names types: User, Group, ServicePrincipal.</summary>
    public static JsonObject Of(TypedEntity entity, params (string Name, JsonNode? Old, JsonNode? New)[] modified) =>
        Create(entity.Id, JsonPath.GetString(entity.Json, "displayName"), AuditType(entity),
            JsonPath.GetString(entity.Json, "userPrincipalName"), modified);

    /// <summary>A CA policy: Entra puts the whole policy, before and after, in one modified property.</summary>
    public static JsonObject Policy(JsonObject? before, JsonObject? after)
    {
        var policy = after ?? before ?? throw new ArgumentException("A policy change needs a before or an after.");
        return Create(JsonPath.GetString(policy, "id") ?? string.Empty, JsonPath.GetString(policy, "displayName"), "Policy", null,
            ("ConditionalAccessPolicy", before, after));
    }

    public static JsonObject Role(JsonObject roleDefinition) =>
        Create(JsonPath.GetString(roleDefinition, "id") ?? string.Empty, JsonPath.GetString(roleDefinition, "displayName"), "Role", null);

    public static JsonObject Create(string id, string? displayName, string type, string? userPrincipalName,
        params (string Name, JsonNode? Old, JsonNode? New)[] modified) => new()
    {
        ["id"] = id,
        ["displayName"] = displayName,
        ["type"] = type,
        ["userPrincipalName"] = userPrincipalName,
        ["groupType"] = null,
        ["modifiedProperties"] = new JsonArray(modified.Select(m => (JsonNode)new JsonObject
        {
            ["displayName"] = m.Name,
            ["oldValue"] = Serialized(m.Old),
            ["newValue"] = Serialized(m.New),
        }).ToArray()),
    };

    /// <summary>Old and new values are JSON text in a string, as Entra writes them (<c>"\"Global Administrator\""</c>).</summary>
    private static string? Serialized(JsonNode? value) => value?.ToJsonString(WireJson.Options);

    private static string AuditType(TypedEntity entity) => ODataTypes.ShortName(entity.ODataType) switch
    {
        "user" => "User",
        "group" => "Group",
        _ => "ServicePrincipal",
    };
}
