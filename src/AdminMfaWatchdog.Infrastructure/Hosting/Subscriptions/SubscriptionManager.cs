using AdminMfaWatchdog.Infrastructure.Graph;
using Azure;
using Microsoft.Extensions.Logging;

namespace AdminMfaWatchdog.Infrastructure.Hosting.Subscriptions;

/// <summary>What one subscription check did.</summary>
public sealed record SubscriptionCheck(int Kept, int Created, int Renewed, int Removed, int Failed);

/// <summary>
/// Keeps the watchdog's Graph subscriptions: <c>/users</c>, the exclusion group's <c>/members</c> and each
/// role-assignable group's <c>/members</c> (the only directory changes Graph notifies). Each check creates
/// what is missing (also when Graph dropped it or the client state was rotated), renews what expires
/// within <see cref="RenewWhenLeft"/>, and deletes what is no longer wanted. Ids and a hash of the client
/// state live in <see cref="SubscriptionStore"/>, so every instance manages the same subscriptions.
/// </summary>
public sealed class SubscriptionManager(
    WatchdogRuntime runtime, GraphSubscriptionClient graph, SubscriptionStore store, ILogger<SubscriptionManager> logger)
{
    /// <summary>Just under Graph's limit, so a slow clock never makes Graph refuse the expiry.</summary>
    public static readonly TimeSpan Lifetime = GraphSubscriptionClient.MaxLifetime - TimeSpan.FromHours(1);

    /// <summary>Renewed with half its life left: a week of checks can fail before anything lapses.</summary>
    public static readonly TimeSpan RenewWhenLeft = TimeSpan.FromDays(14);

    private readonly SemaphoreSlim _oneCheckAtATime = new(1, 1);

    public const string NotificationPath = "api/graph/notifications";

    public const string LifecyclePath = "api/graph/lifecycle";

    /// <exception cref="GraphSubscriptionException">the wanted resources could not be listed.</exception>
    public async Task<SubscriptionCheck> EnsureAsync(CancellationToken cancellationToken)
    {
        var (baseUrl, clientState) = Settings();
        await _oneCheckAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var wanted = await WantedResourcesAsync(cancellationToken).ConfigureAwait(false);
            var stored = await store.ListAsync(cancellationToken).ConfigureAwait(false);
            var live = (await graph.ListAsync(cancellationToken).ConfigureAwait(false)).Select(s => s.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var hash = SubscriptionStore.HashOf(clientState);
            int kept = 0, created = 0, renewed = 0, removed = 0, failed = 0;

            foreach (var resource in wanted)
            {
                var mine = stored.Where(row => SameResource(row.Subscription.Resource, resource)).ToList();
                var keep = mine.FirstOrDefault(row => live.Contains(row.Subscription.Id) && row.ClientStateHash == hash);
                foreach (var stale in mine.Where(row => row != keep))
                {
                    removed += await TryAsync(() => RemoveAsync(stale.Subscription.Id, cancellationToken), resource) ? 1 : 0;
                }

                var ok = await TryAsync(async () =>
                {
                    if (keep is null)
                    {
                        await CreateAsync(resource, baseUrl, clientState, hash, cancellationToken).ConfigureAwait(false);
                        created++;
                    }
                    else if (keep.Subscription.ExpiresAt - runtime.Clock.GetUtcNow() < RenewWhenLeft)
                    {
                        var fresh = await graph.RenewAsync(keep.Subscription.Id, runtime.Clock.GetUtcNow() + Lifetime, cancellationToken).ConfigureAwait(false);
                        if (fresh is null)
                        {
                            await store.RemoveAsync(keep.Subscription.Id, cancellationToken).ConfigureAwait(false);
                            await CreateAsync(resource, baseUrl, clientState, hash, cancellationToken).ConfigureAwait(false);
                            created++;
                        }
                        else
                        {
                            await store.SaveAsync(fresh with { Resource = resource }, hash, cancellationToken).ConfigureAwait(false);
                            renewed++;
                        }
                    }
                    else
                    {
                        kept++;
                    }
                }, resource).ConfigureAwait(false);
                failed += ok ? 0 : 1;
            }

            foreach (var unwanted in stored.Where(row => !wanted.Any(resource => SameResource(row.Subscription.Resource, resource))))
            {
                removed += await TryAsync(() => RemoveAsync(unwanted.Subscription.Id, cancellationToken), unwanted.Subscription.Resource) ? 1 : 0;
            }

            var check = new SubscriptionCheck(kept, created, renewed, removed, failed);
            logger.LogInformation("Subscriptions checked: {Kept} kept, {Created} created, {Renewed} renewed, {Removed} removed, {Failed} failed.",
                check.Kept, check.Created, check.Renewed, check.Removed, check.Failed);
            return check;
        }
        finally
        {
            _oneCheckAtATime.Release();
        }
    }

    /// <summary>
    /// Acts on a lifecycle event of one of the watchdog's subscriptions: <c>reauthorizationRequired</c>
    /// reauthorizes it (recreating it if Graph dropped it), <c>subscriptionRemoved</c> recreates it.
    /// <c>missed</c> needs nothing here: the scan that follows reads everything again.
    /// </summary>
    public async Task HandleLifecycleAsync(string subscriptionId, string lifecycleEvent, CancellationToken cancellationToken)
    {
        var stored = await store.ListAsync(cancellationToken).ConfigureAwait(false);
        if (!stored.Any(row => string.Equals(row.Subscription.Id, subscriptionId, StringComparison.OrdinalIgnoreCase)))
        {
            logger.LogWarning("Lifecycle event {Event} for subscription {SubscriptionId}, which the watchdog does not keep: ignored.", lifecycleEvent, subscriptionId);
            return;
        }

        switch (lifecycleEvent)
        {
            case "reauthorizationRequired" when await graph.ReauthorizeAsync(subscriptionId, cancellationToken).ConfigureAwait(false):
                logger.LogInformation("Subscription {SubscriptionId} reauthorized.", subscriptionId);
                return;
            case "reauthorizationRequired":
            case "subscriptionRemoved":
                await store.RemoveAsync(subscriptionId, cancellationToken).ConfigureAwait(false);
                await EnsureAsync(cancellationToken).ConfigureAwait(false);
                return;
        }
    }

    private async Task<IReadOnlyList<string>> WantedResourcesAsync(CancellationToken cancellationToken)
    {
        var resources = new List<string> { "/users" };
        if (runtime.Config.ServiceAccounts?.ExclusionGroupId is { } exclusionGroup) resources.Add($"/groups/{exclusionGroup}/members");
        foreach (var group in await graph.RoleAssignableGroupIdsAsync(cancellationToken).ConfigureAwait(false))
        {
            var resource = $"/groups/{group}/members";
            if (!resources.Any(known => SameResource(known, resource))) resources.Add(resource);
        }
        return resources;
    }

    private async Task CreateAsync(string resource, Uri baseUrl, string clientState, string hash, CancellationToken cancellationToken)
    {
        var subscription = await graph.CreateAsync(resource, new Uri(baseUrl, NotificationPath), new Uri(baseUrl, LifecyclePath), clientState,
            runtime.Clock.GetUtcNow() + Lifetime, cancellationToken).ConfigureAwait(false);
        await store.SaveAsync(subscription with { Resource = resource }, hash, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Subscription {SubscriptionId} created on {Resource}.", subscription.Id, resource);
    }

    private async Task RemoveAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        await graph.DeleteAsync(subscriptionId, cancellationToken).ConfigureAwait(false);
        await store.RemoveAsync(subscriptionId, cancellationToken).ConfigureAwait(false);
    }

    // One resource failing (Graph refusing the handshake, a quota) must not stop the others.
    private async Task<bool> TryAsync(Func<Task> work, string resource)
    {
        try
        {
            await work().ConfigureAwait(false);
            return true;
        }
        catch (Exception problem) when (problem is GraphSubscriptionException or RequestFailedException or HttpRequestException)
        {
            logger.LogError("Subscription on {Resource} could not be kept: {Problem}", resource, problem.Message);
            return false;
        }
    }

    private (Uri BaseUrl, string ClientState) Settings()
    {
        var options = runtime.Notifications;
        if (options.PublicBaseUrl is not { Length: > 0 } url || options.ClientState is not { } clientState)
            throw new SettingsException("Notifications:PublicBaseUrl", "subscriptions need Notifications:PublicBaseUrl and Notifications:ClientState");
        return (new Uri(url.EndsWith('/') ? url : url + "/"), clientState);
    }

    private static bool SameResource(string a, string b) =>
        string.Equals(a.TrimStart('/'), b.TrimStart('/'), StringComparison.OrdinalIgnoreCase);
}
