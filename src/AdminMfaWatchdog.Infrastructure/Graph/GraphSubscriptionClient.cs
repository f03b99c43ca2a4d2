using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace AdminMfaWatchdog.Infrastructure.Graph;

/// <summary>One Graph change-notification subscription, as the watchdog keeps track of it.</summary>
public sealed record GraphSubscription(string Id, string Resource, DateTimeOffset ExpiresAt);

/// <summary>Graph refused or failed a subscription call; the message names the call and Graph's error code.</summary>
public sealed class GraphSubscriptionException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// Graph's <c>/subscriptions</c> for the watchdog's own subscriptions (users, group members). Creating one
/// makes Graph call the notification URLs with a validation token first, so the endpoints must be up.
/// A subscription Graph no longer has (404) is reported as gone, not as a failure.
/// </summary>
public sealed class GraphSubscriptionClient(GraphServiceClient graph)
{
    /// <summary>Graph keeps user and group subscriptions for at most 41,760 minutes (under 29 days).</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(41_760);

    public const string ChangeTypes = "updated,deleted";

    /// <exception cref="GraphSubscriptionException">Graph refused it (validation handshake failed, quota, permission).</exception>
    public async Task<GraphSubscription> CreateAsync(
        string resource, Uri notificationUrl, Uri lifecycleNotificationUrl, string clientState, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var created = await GuardAsync($"create a subscription on {resource}", () => graph.Subscriptions.PostAsync(new Subscription
        {
            ChangeType = ChangeTypes,
            Resource = resource,
            NotificationUrl = notificationUrl.ToString(),
            LifecycleNotificationUrl = lifecycleNotificationUrl.ToString(),
            ClientState = clientState,
            ExpirationDateTime = expiresAt,
            LatestSupportedTlsVersion = "v1_2",
        }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return ToModel(created ?? throw new GraphSubscriptionException($"Graph created a subscription on {resource} but returned none", new InvalidOperationException()));
    }

    /// <summary>Moves the expiry (which also reauthorizes); null when Graph no longer has the subscription.</summary>
    public async Task<GraphSubscription?> RenewAsync(string id, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var renewed = await GoneAsNullAsync($"renew subscription {id}", () => graph.Subscriptions[id].PatchAsync(
            new Subscription { ExpirationDateTime = expiresAt }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return renewed is null ? null : ToModel(renewed);
    }

    /// <summary>Answers <c>reauthorizationRequired</c>; false when Graph no longer has the subscription.</summary>
    public async Task<bool> ReauthorizeAsync(string id, CancellationToken cancellationToken) =>
        await GoneAsNullAsync($"reauthorize subscription {id}", async () =>
        {
            await graph.Subscriptions[id].Reauthorize.PostAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return new object();
        }).ConfigureAwait(false) is not null;

    public async Task DeleteAsync(string id, CancellationToken cancellationToken) =>
        await GoneAsNullAsync($"delete subscription {id}", async () =>
        {
            await graph.Subscriptions[id].DeleteAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return new object();
        }).ConfigureAwait(false);

    /// <summary>The subscriptions Graph holds for this app.</summary>
    public async Task<IReadOnlyList<GraphSubscription>> ListAsync(CancellationToken cancellationToken)
    {
        var page = await GuardAsync("list subscriptions", () => graph.Subscriptions.GetAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
        var subscriptions = new List<GraphSubscription>();
        while (page is not null)
        {
            subscriptions.AddRange((page.Value ?? []).Select(ToModel));
            if (page.OdataNextLink is not { } next) break;
            page = await GuardAsync("list subscriptions", () => graph.Subscriptions.WithUrl(next).GetAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        return subscriptions;
    }

    /// <summary>The ids of role-assignable groups: the groups through which roles can be held.</summary>
    public async Task<IReadOnlyList<string>> RoleAssignableGroupIdsAsync(CancellationToken cancellationToken)
    {
        var page = await GuardAsync("list role-assignable groups", () => graph.Groups.GetAsync(request =>
        {
            request.QueryParameters.Filter = "isAssignableToRole eq true";
            request.QueryParameters.Select = ["id"];
            request.QueryParameters.Top = 999;
        }, cancellationToken)).ConfigureAwait(false);
        var ids = new List<string>();
        while (page is not null)
        {
            ids.AddRange((page.Value ?? []).Select(group => group.Id).OfType<string>());
            if (page.OdataNextLink is not { } next) break;
            page = await GuardAsync("list role-assignable groups", () => graph.Groups.WithUrl(next).GetAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        return ids;
    }

    private static GraphSubscription ToModel(Subscription subscription) => new(
        subscription.Id ?? throw new GraphSubscriptionException("Graph returned a subscription without an id", new InvalidOperationException()),
        subscription.Resource ?? string.Empty,
        subscription.ExpirationDateTime ?? DateTimeOffset.MinValue);

    private static async Task<T?> GoneAsNullAsync<T>(string doing, Func<Task<T?>> call) where T : class
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ODataError error) when (error.ResponseStatusCode == 404)
        {
            return null;
        }
        catch (ODataError error)
        {
            throw Failure(doing, error);
        }
    }

    private static async Task<T?> GuardAsync<T>(string doing, Func<Task<T?>> call) where T : class
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ODataError error)
        {
            throw Failure(doing, error);
        }
    }

    private static GraphSubscriptionException Failure(string doing, ODataError error) =>
        new($"Could not {doing}: Graph answered {error.ResponseStatusCode} {error.Error?.Code}: {error.Error?.Message}", error);
}
