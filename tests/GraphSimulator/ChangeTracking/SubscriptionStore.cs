namespace GraphSimulator.ChangeTracking;

/// <summary>
/// The app's subscriptions. A subscription past its expirationDateTime on the simulator's clock is
/// gone: not listed, not found, never notified.
/// </summary>
internal sealed class SubscriptionStore(TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, StoredSubscription> _subscriptions = [];

    public void Add(StoredSubscription subscription)
    {
        lock (_lock)
        {
            _subscriptions.Add(subscription.Id, subscription);
        }
    }

    public IReadOnlyList<StoredSubscription> All()
    {
        lock (_lock)
        {
            RemoveExpired();
            return _subscriptions.Values.OrderBy(s => s.Id).ToList();
        }
    }

    public StoredSubscription? Find(string id) => Update(id, s => s);

    /// <summary>Stores what <paramref name="change"/> makes of the subscription; null when there is none.</summary>
    public StoredSubscription? Update(string id, Func<StoredSubscription, StoredSubscription> change)
    {
        lock (_lock)
        {
            RemoveExpired();
            if (!Guid.TryParse(id, out var key) || !_subscriptions.TryGetValue(key, out var subscription))
            {
                return null;
            }

            return _subscriptions[key] = change(subscription);
        }
    }

    public StoredSubscription? Remove(string id)
    {
        lock (_lock)
        {
            RemoveExpired();
            return Guid.TryParse(id, out var key) && _subscriptions.Remove(key, out var removed) ? removed : null;
        }
    }

    private void RemoveExpired()
    {
        var now = time.GetUtcNow();
        foreach (var expired in _subscriptions.Values.Where(s => s.ExpirationDateTime <= now).ToList())
        {
            _subscriptions.Remove(expired.Id);
        }
    }
}
