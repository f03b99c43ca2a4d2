using System.Text.Json.Nodes;
using GraphSimulator.ChangeTracking;
using GraphSimulator.Routing;
using GraphSimulator.State;
using GraphSimulator.Wire;

namespace GraphSimulator.Endpoints;

/// <summary>
/// <c>/subscriptions</c>: create (checks, then the validation handshake on each URL), list, get, renew
/// by PATCH, delete and reauthorize, with Graph's statuses (201, 200, 200, 204, 204) and errors.
/// </summary>
internal sealed class SubscriptionEndpoints(TenantState state, SubscriptionStore store, ValidationHandshake handshake, TimeProvider time)
{
    private const string Collection = "/subscriptions";
    private const string Item = Collection + "/{id}";

    public void Map(RouteTable routes)
    {
        routes.Map("POST", Collection, CreateAsync);
        routes.Map("GET", Collection, List);
        routes.Map("GET", Item, call => Entity(call, Existing(store.Find(call["id"]))));
        routes.Map("PATCH", Item, Renew);
        routes.Map("DELETE", Item, call =>
        {
            Existing(store.Remove(call["id"]));
            return GraphResponse.NoContent();
        });
        routes.Map("POST", Item + "/reauthorize", call =>
        {
            Existing(store.Update(call["id"], s => s with { ReauthorizationPending = false }));
            return GraphResponse.NoContent();
        });
    }

    private async Task<GraphResponse> CreateAsync(GraphCall call, CancellationToken cancellationToken)
    {
        var body = call.Request.Body as JsonObject ?? throw GraphException.BadRequest("The request body must be a subscription.");
        var subscription = state.Read(data => SubscriptionRequest.Parse(body, data, time.GetUtcNow()));
        await handshake.ValidateAsync(subscription.NotificationUrl, cancellationToken);
        if (subscription.LifecycleNotificationUrl is { } lifecycleUrl)
        {
            await handshake.ValidateAsync(lifecycleUrl, cancellationToken);
        }

        store.Add(subscription);
        return GraphResponse.Created(Body(call, subscription));
    }

    private GraphResponse List(GraphCall call) => GraphResponse.Ok(new JsonObject
    {
        ["@odata.context"] = $"{call.Request.BaseUrl}/$metadata#subscriptions",
        ["value"] = new JsonArray(store.All().Select(s => (JsonNode)s.ToJson()).ToArray()),
    });

    /// <summary>
    /// Only the expiry can change; a renewal also reauthorizes. Graph does not let a PATCH add a
    /// lifecycle URL, and the simulator refuses every other property rather than ignore it.
    /// </summary>
    private GraphResponse Renew(GraphCall call)
    {
        var body = call.Request.Body as JsonObject ?? throw GraphException.BadRequest("The request body must be a JSON object.");
        var other = body.Select(p => p.Key).FirstOrDefault(k => !string.Equals(k, "expirationDateTime", StringComparison.OrdinalIgnoreCase));
        if (other is not null)
        {
            throw new GraphException(400, "InvalidRequest", $"The property '{other}' cannot be updated: only expirationDateTime can.");
        }

        var expiration = SubscriptionRequest.Expiration(body, time.GetUtcNow());
        var renewed = Existing(store.Update(call["id"], s => s with { ExpirationDateTime = expiration, ReauthorizationPending = false }));
        return Entity(call, renewed);
    }

    private static GraphResponse Entity(GraphCall call, StoredSubscription subscription) =>
        GraphResponse.Ok(Body(call, subscription));

    private static JsonObject Body(GraphCall call, StoredSubscription subscription)
    {
        var body = new JsonObject { ["@odata.context"] = $"{call.Request.BaseUrl}/$metadata#subscriptions/$entity" };
        foreach (var (key, value) in subscription.ToJson())
        {
            body[key] = value?.DeepClone();
        }

        return body;
    }

    /// <summary>Graph's answer for a subscription that does not exist (or has expired).</summary>
    private static StoredSubscription Existing(StoredSubscription? subscription) =>
        subscription ?? throw new GraphException(404, "ResourceNotFound", "The object was not found.");
}
