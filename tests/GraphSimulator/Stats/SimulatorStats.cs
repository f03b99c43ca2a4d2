using System.Globalization;
using System.Text.Json.Nodes;

namespace GraphSimulator.Stats;

/// <summary>What a test (or a benchmark) reads back: one snapshot of the simulator's counters.</summary>
public sealed record StatsSnapshot(
    long Requests,
    IReadOnlyDictionary<string, long> ByPath,
    IReadOnlyDictionary<int, long> ByStatus,
    long Throttled,
    long Faults,
    long Batches)
{
    /// <summary>Requests on one key such as <c>GET /v1.0/users</c>; 0 when none.</summary>
    public long For(string methodAndPath) => ByPath.GetValueOrDefault(methodAndPath);

    public JsonObject ToJson() => new()
    {
        ["requests"] = Requests,
        ["byPath"] = new JsonObject(ByPath.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
        ["byStatus"] = new JsonObject(ByStatus.OrderBy(p => p.Key)
            .Select(p => KeyValuePair.Create(p.Key.ToString(CultureInfo.InvariantCulture), (JsonNode?)p.Value))),
        ["throttled"] = Throttled,
        ["faults"] = Faults,
        ["batches"] = Batches,
    };
}

/// <summary>
/// Counts every Graph request the simulator dispatches, top-level and batch-inner alike (a batch of
/// 20 is 21 requests: the envelope and its 20 steps). <c>/_simulator</c> calls are not counted.
/// </summary>
public sealed class SimulatorStats
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, long> _byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<int, long> _byStatus = [];
    private long _requests;
    private long _throttled;
    private long _faults;
    private long _batches;

    public StatsSnapshot Snapshot()
    {
        lock (_lock)
        {
            return new StatsSnapshot(_requests, new Dictionary<string, long>(_byPath), new Dictionary<int, long>(_byStatus),
                _throttled, _faults, _batches);
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _byPath.Clear();
            _byStatus.Clear();
            _requests = _throttled = _faults = _batches = 0;
        }
    }

    internal void Received(string methodAndPath, bool isBatch)
    {
        lock (_lock)
        {
            _requests++;
            _byPath[methodAndPath] = _byPath.GetValueOrDefault(methodAndPath) + 1;
            if (isBatch)
            {
                _batches++;
            }
        }
    }

    internal void Answered(int status)
    {
        lock (_lock)
        {
            _byStatus[status] = _byStatus.GetValueOrDefault(status) + 1;
        }
    }

    internal void Throttled()
    {
        lock (_lock)
        {
            _throttled++;
        }
    }

    internal void Faulted()
    {
        lock (_lock)
        {
            _faults++;
        }
    }
}
