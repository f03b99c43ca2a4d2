namespace GraphSimulator.Throttling;

/// <summary>
/// The directory's resource-unit bucket. A request that does not fit is refused with the whole
/// seconds until it would fit (Graph's Retry-After is an integer; the SDK parses nothing else).
/// </summary>
internal sealed class DirectoryTokenBucket(TimeProvider time)
{
    private readonly Lock _lock = new();
    private DirectoryThrottleOptions? _options;
    private double _tokens;
    private DateTimeOffset _refilledAt;

    /// <returns>Null when admitted, else the Retry-After seconds.</returns>
    public int? TryTake(DirectoryThrottleOptions options, int cost)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (!ReferenceEquals(options, _options))
            {
                _options = options;
                _tokens = options.Capacity;
                _refilledAt = now;
            }

            _tokens = Math.Min(options.Capacity, _tokens + ((now - _refilledAt).TotalSeconds * options.RefillPerSecond));
            _refilledAt = now;
            if (_tokens >= cost)
            {
                _tokens -= cost;
                return null;
            }

            var seconds = options.RefillPerSecond > 0 ? (cost - _tokens) / options.RefillPerSecond : 60;
            return Math.Max(1, (int)Math.Ceiling(seconds));
        }
    }
}
