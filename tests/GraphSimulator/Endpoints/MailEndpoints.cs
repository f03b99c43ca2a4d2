using System.Text.Json.Nodes;
using GraphSimulator.Query;
using GraphSimulator.Routing;
using GraphSimulator.State;
using GraphSimulator.Wire;

namespace GraphSimulator.Endpoints;

/// <summary><c>POST /users/{id | userPrincipalName}/sendMail</c>: 202, and the message is kept for inspection.</summary>
internal sealed class MailEndpoints(TenantState state, TimeProvider time)
{
    public void Map(RouteTable routes) => routes.Map("POST", "/users/{id}/sendMail", Send);

    private GraphResponse Send(GraphCall call)
    {
        if (Parameter(call.Request.Body, "message") is not JsonObject message)
        {
            throw new GraphException(400, "ErrorInvalidRequest", "The 'message' parameter is required.");
        }

        var saveToSentItems = Parameter(call.Request.Body, "saveToSentItems") is not JsonValue save || !save.TryGetValue<bool>(out var flag) || flag;
        state.Mutate(data =>
        {
            var sender = data.FindUser(call["id"])
                ?? throw new GraphException(404, "ErrorInvalidUser", $"The requested user '{call["id"]}' is invalid.");
            data.SentMail.Add(new SentMail(JsonPath.GetString(sender, "id") ?? call["id"], JsonPath.GetString(sender, "userPrincipalName"),
                (JsonObject)message.DeepClone(), saveToSentItems, time.GetUtcNow()));
        });
        return GraphResponse.Accepted();
    }

    /// <summary>Action parameters match case-insensitively, as on Graph: the .NET SDK 5.x sends "Message" and "SaveToSentItems".</summary>
    private static JsonNode? Parameter(JsonNode? body, string name) =>
        (body as JsonObject)?.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
