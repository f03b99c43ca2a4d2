namespace GraphSimulator.Throttling;

/// <summary>
/// A sliding window over the tenant's CA requests. Assigning new options starts a fresh window, so a
/// test that turns throttling on is not charged for what ran before.
/// </summary>
internal sealed class ConditionalAccessThrottle(TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Queue<DateTimeOffset> _admitted = new();
    private ConditionalAccessThrottleOptions? _options;

    public bool TryAdmit(ConditionalAccessThrottleOptions options)
    {
        lock (_lock)
        {
            if (!ReferenceEquals(options, _options))
            {
                _options = options;
                _admitted.Clear();
            }

            var now = time.GetUtcNow();
            while (_admitted.TryPeek(out var oldest) && now - oldest >= options.WindowOrDefault)
            {
                _admitted.Dequeue();
            }

            if (_admitted.Count >= options.Requests)
            {
                return false;
            }

            _admitted.Enqueue(now);
            return true;
        }
    }
}
