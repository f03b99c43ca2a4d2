namespace GraphSimulator.Throttling;

/// <summary>
/// A sliding window over the app's report requests (directoryAudits). Unlike the CA limit, a
/// throttled report request is told when to come back: the integer seconds until the oldest admitted
/// request leaves the window. Assigning new options starts a fresh window.
/// </summary>
internal sealed class ReportsThrottle(TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Queue<DateTimeOffset> _admitted = new();
    private ReportsThrottleOptions? _options;

    /// <summary>Null when admitted; else the Retry-After seconds.</summary>
    public int? TryAdmit(ReportsThrottleOptions options)
    {
        lock (_lock)
        {
            if (!ReferenceEquals(options, _options))
            {
                _options = options;
                _admitted.Clear();
            }

            var now = time.GetUtcNow();
            var window = options.WindowOrDefault;
            while (_admitted.TryPeek(out var oldest) && now - oldest >= window)
            {
                _admitted.Dequeue();
            }

            if (_admitted.Count >= options.Requests)
            {
                return Math.Max(1, (int)Math.Ceiling((_admitted.Peek() + window - now).TotalSeconds));
            }

            _admitted.Enqueue(now);
            return null;
        }
    }
}
