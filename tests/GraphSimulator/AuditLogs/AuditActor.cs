using System.Text.Json.Nodes;
using GraphSimulator.ChangeTracking;

namespace GraphSimulator.AuditLogs;

/// <summary>
/// Who made a change, as a directoryAudit's <c>initiatedBy</c> names it: an app (every Graph call to
/// the simulator comes from <see cref="SimulatedApp"/>, no token being checked) or a person in the portal
/// (the control API's changes).
/// </summary>
internal sealed class AuditActor
{
    private readonly Func<JsonObject> _initiatedBy;

    private AuditActor(Func<JsonObject> initiatedBy) => _initiatedBy = initiatedBy;

    public static AuditActor App { get; } = new(() => new JsonObject
    {
        ["user"] = null,
        ["app"] = new JsonObject
        {
            ["appId"] = SimulatedApp.ApplicationId,
            ["displayName"] = SimulatedApp.DisplayName,
            ["servicePrincipalId"] = SimulatedApp.ServicePrincipalId,
            ["servicePrincipalName"] = SimulatedApp.DisplayName,
        },
    });

    public static AuditActor PortalAdmin { get; } = new(() => new JsonObject
    {
        ["user"] = new JsonObject
        {
            ["id"] = SimulatedApp.PortalAdminId,
            ["displayName"] = "Simulated portal admin",
            ["userPrincipalName"] = SimulatedApp.PortalAdminUserPrincipalName,
            ["ipAddress"] = "203.0.113.10",
        },
        ["app"] = null,
    });

    /// <summary>A fresh object each time: JSON nodes can have only one parent.</summary>
    public JsonObject InitiatedBy() => _initiatedBy();
}
