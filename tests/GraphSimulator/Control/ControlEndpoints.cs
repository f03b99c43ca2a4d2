using System.Text.Json;
using System.Text.Json.Nodes;
using GraphSimulator.Faults;
using GraphSimulator.Routing;
using GraphSimulator.State;
using GraphSimulator.Stats;
using GraphSimulator.Wire;

namespace GraphSimulator.Control;

/// <summary>
/// <c>/_simulator/*</c>: not Graph, the test's side door. Served outside the Graph pipeline: never
/// counted, faulted, throttled or delayed.
/// </summary>
internal sealed class ControlEndpoints(TenantState state, SimulatorStats stats, FaultInjector faults)
{
    public RouteTable Routes()
    {
        var routes = new RouteTable();
        routes.Map("GET", "/stats", _ => GraphResponse.Ok(stats.Snapshot().ToJson()));
        routes.Map("POST", "/reset-stats", _ =>
        {
            stats.Reset();
            return GraphResponse.NoContent();
        });
        routes.Map("GET", "/state", _ => GraphResponse.Ok(state.ToSnapshot()));
        routes.Map("PUT", "/state", ReplaceState);
        routes.Map("GET", "/sent-mail", _ => GraphResponse.Ok(new JsonObject
        {
            ["value"] = new JsonArray(state.SentMail.Select(m => (JsonNode)m.ToJson()).ToArray()),
        }));
        routes.Map("POST", "/faults", AddFault);
        routes.Map("DELETE", "/faults", _ =>
        {
            faults.Clear();
            return GraphResponse.NoContent();
        });
        return routes;
    }

    private GraphResponse ReplaceState(GraphCall call)
    {
        try
        {
            state.Replace(call.Request.Body as JsonObject ?? throw new InvalidDataException("The snapshot must be a JSON object."));
        }
        catch (InvalidDataException error)
        {
            throw GraphException.BadRequest(error.Message);
        }

        return GraphResponse.NoContent();
    }

    private GraphResponse AddFault(GraphCall call)
    {
        try
        {
            faults.Add(call.Request.Body.Deserialize<FaultRule>(JsonSerializerOptions.Web)
                ?? throw GraphException.BadRequest("The body must be a fault rule."));
        }
        catch (Exception error) when (error is JsonException or ArgumentException)
        {
            throw GraphException.BadRequest($"Invalid fault rule: {error.Message}");
        }

        return GraphResponse.NoContent();
    }
}
