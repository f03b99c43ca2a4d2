using System.Globalization;
using System.Text.Json.Nodes;
using GraphSimulator.AuditLogs;
using GraphSimulator.ChangeTracking;
using GraphSimulator.Query;
using GraphSimulator.Routing;
using GraphSimulator.State;
using GraphSimulator.Wire;

namespace GraphSimulator.Endpoints;

/// <summary>
/// <c>/identity/conditionalAccess</c>: policies (read, create, PATCH, soft delete, restore), named
/// locations and authentication strengths; the strengths are also at v1.0's <c>/policies/authenticationStrengthPolicies</c>.
/// CA collections are not paged unless <c>$top</c> asks for it. Every write is audited, as the
/// directoryAudits pollers of CA changes expect.
/// </summary>
internal sealed class ConditionalAccessEndpoints(
    TenantState state, EntityResponder responder, DirectoryChanges changes, DirectoryAuditLog audit, TimeProvider time)
{
    private const string Root = "/identity/conditionalAccess";
    private const string Policies = Root + "/policies";
    private const string DeletedPolicies = Root + "/deletedItems/policies";

    private static readonly HashSet<string> ReadOnlyProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "createdDateTime", "modifiedDateTime", "deletedDateTime", "@odata.type", "@odata.context",
    };

    private static readonly HashSet<string> States = new(StringComparer.Ordinal)
    {
        "enabled", "disabled", "enabledForReportingButNotEnforced",
    };

    private static readonly CollectionSpec PolicySpec = new("identity/conditionalAccess/policies", DefaultPageSize: null);
    private static readonly CollectionSpec DeletedPolicySpec = new("identity/conditionalAccess/deletedItems/policies", DefaultPageSize: null);
    private static readonly CollectionSpec NamedLocationSpec = new("identity/conditionalAccess/namedLocations", Polymorphic: true, DefaultPageSize: null);
    private static readonly CollectionSpec StrengthSpec = new("identity/conditionalAccess/authenticationStrength/policies", DefaultPageSize: null);
    private static readonly CollectionSpec StrengthPoliciesSpec = new("policies/authenticationStrengthPolicies", DefaultPageSize: null);

    public void Map(RouteTable routes)
    {
        responder.MapEntitySet(routes, Policies, PolicySpec, d => d.ConditionalAccessPolicies, _ => ODataTypes.ConditionalAccessPolicy);
        responder.MapEntitySet(routes, DeletedPolicies, DeletedPolicySpec, d => d.DeletedConditionalAccessPolicies, _ => ODataTypes.ConditionalAccessPolicy);
        responder.MapEntitySet(routes, Root + "/namedLocations", NamedLocationSpec, d => d.NamedLocations,
            json => JsonPath.GetString(json, "@odata.type") ?? ODataTypes.NamedLocation);
        responder.MapEntitySet(routes, Root + "/authenticationStrength/policies", StrengthSpec, d => d.AuthenticationStrengthPolicies,
            _ => ODataTypes.AuthenticationStrengthPolicy);
        responder.MapEntitySet(routes, "/policies/authenticationStrengthPolicies", StrengthPoliciesSpec, d => d.AuthenticationStrengthPolicies,
            _ => ODataTypes.AuthenticationStrengthPolicy);

        routes.Map("POST", Policies, Create);
        routes.Map("PATCH", Policies + "/{id}", Update);
        routes.Map("DELETE", Policies + "/{id}", Delete);
        routes.Map("POST", DeletedPolicies + "/{id}/restore", Restore);
        routes.Map("DELETE", DeletedPolicies + "/{id}", Purge);
    }

    private GraphResponse Create(GraphCall call)
    {
        var body = call.Request.Body as JsonObject ?? throw GraphException.BadRequest("The request body must be a conditionalAccessPolicy.");
        if (JsonPath.GetString(body, "displayName") is null)
        {
            throw GraphException.BadRequest("The property 'displayName' is required.");
        }

        var policy = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["createdDateTime"] = Format(time.GetUtcNow()),
            ["modifiedDateTime"] = null,
            ["deletedDateTime"] = null,
        };
        JsonMerge.Apply(policy, body, ReadOnlyProperties);
        ValidateState(policy);
        state.Mutate(data =>
        {
            data.ConditionalAccessPolicies.Add(policy);
            audit.Record(data, AuditActivity.AddPolicy, AuditActor.App, AuditTarget.Policy(null, policy));
        });
        return GraphResponse.Created(state.Read(data =>
            responder.EntityBody(call, data, new TypedEntity(policy, ODataTypes.ConditionalAccessPolicy), PolicySpec)));
    }

    /// <summary>Replaces a stored policy with the PATCH applied; returns it before and after. The caller holds the mutation.</summary>
    internal static (JsonObject Before, JsonObject After) Patch(TenantData data, string id, JsonObject patch, DateTimeOffset now)
    {
        var policy = TenantData.FindById(data.ConditionalAccessPolicies, id) ?? throw GraphException.NotFound(id);
        var updated = (JsonObject)policy.DeepClone();
        JsonMerge.Apply(updated, patch, ReadOnlyProperties);
        ValidateState(updated);
        updated["modifiedDateTime"] = Format(now);
        data.ConditionalAccessPolicies[data.ConditionalAccessPolicies.IndexOf(policy)] = updated;
        return (policy, updated);
    }

    /// <summary>PATCH answers 204 with no body, as Graph does.</summary>
    private GraphResponse Update(GraphCall call)
    {
        var patch = call.Request.Body as JsonObject ?? throw GraphException.BadRequest("The request body must be a JSON object.");
        changes.UpdatePolicy(call["id"], patch, AuditActor.App);
        return GraphResponse.NoContent();
    }

    /// <summary>DELETE is a soft delete: the policy moves to <c>deletedItems</c>, restorable.</summary>
    private GraphResponse Delete(GraphCall call)
    {
        state.Mutate(data =>
        {
            var policy = TenantData.FindById(data.ConditionalAccessPolicies, call["id"]) ?? throw GraphException.NotFound(call["id"]);
            data.ConditionalAccessPolicies.Remove(policy);
            policy["deletedDateTime"] = Format(time.GetUtcNow());
            data.DeletedConditionalAccessPolicies.Add(policy);
            audit.Record(data, AuditActivity.DeletePolicy, AuditActor.App, AuditTarget.Policy(policy, null));
        });
        return GraphResponse.NoContent();
    }

    private GraphResponse Restore(GraphCall call)
    {
        var restored = state.Mutate(data =>
        {
            var policy = TenantData.FindById(data.DeletedConditionalAccessPolicies, call["id"]) ?? throw GraphException.NotFound(call["id"]);
            data.DeletedConditionalAccessPolicies.Remove(policy);
            policy["deletedDateTime"] = null;
            data.ConditionalAccessPolicies.Add(policy);
            audit.Record(data, AuditActivity.RestorePolicy, AuditActor.App, AuditTarget.Policy(null, policy));
            return policy;
        });
        return state.Read(data => responder.Entity(call, data, new TypedEntity(restored, ODataTypes.ConditionalAccessPolicy), PolicySpec));
    }

    private GraphResponse Purge(GraphCall call)
    {
        state.Mutate(data =>
        {
            var policy = TenantData.FindById(data.DeletedConditionalAccessPolicies, call["id"]) ?? throw GraphException.NotFound(call["id"]);
            data.DeletedConditionalAccessPolicies.Remove(policy);
        });
        return GraphResponse.NoContent();
    }

    private static void ValidateState(JsonObject policy)
    {
        var value = JsonPath.GetString(policy, "state");
        if (value is null || !States.Contains(value))
        {
            throw GraphException.BadRequest(
                $"Invalid value '{value}' for property 'state': expected enabled, disabled or enabledForReportingButNotEnforced.");
        }
    }

    private static string Format(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
}
