using System.Globalization;
using System.Text.Json.Nodes;
using GraphSimulator.State;

namespace GraphSimulator.AuditLogs;

/// <summary>
/// Writes directoryAudit entries (v1.0 shape) into the tenant. Called inside the same
/// <see cref="TenantState.Mutate"/> as the change it records, so that nobody sees one without the other.
/// </summary>
internal sealed class DirectoryAuditLog(TimeProvider time)
{
    public void Record(TenantData data, AuditActivity activity, AuditActor actor, params JsonObject[] targets) =>
        data.DirectoryAudits.Add(new JsonObject
        {
            ["id"] = $"Directory_{Guid.NewGuid()}",
            ["category"] = activity.Category,
            ["correlationId"] = Guid.NewGuid().ToString(),
            ["result"] = "success",
            ["resultReason"] = string.Empty,
            ["activityDisplayName"] = activity.DisplayName,
            ["activityDateTime"] = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture),
            ["loggedByService"] = activity.LoggedByService,
            ["operationType"] = activity.OperationType,
            ["initiatedBy"] = actor.InitiatedBy(),
            ["targetResources"] = new JsonArray(targets.Select(t => (JsonNode)t).ToArray()),
            ["additionalDetails"] = new JsonArray(),
        });
}
