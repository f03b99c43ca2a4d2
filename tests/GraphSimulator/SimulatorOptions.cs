namespace GraphSimulator;

/// <summary>
/// How the simulator behaves. Mutable while it runs: tests switch throttling on for one step and
/// off again. Throttling and latency are off by default so that functional tests stay fast.
/// </summary>
public sealed class SimulatorOptions
{
    /// <summary>Added to every top-level request (inner batch requests share their batch's delay).</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>The 1 request/s per tenant limit of the CA endpoints; null = off.</summary>
    public ConditionalAccessThrottleOptions? ConditionalAccessThrottle { get; set; }

    /// <summary>The resource-unit token bucket of the directory endpoints; null = off.</summary>
    public DirectoryThrottleOptions? DirectoryThrottle { get; set; }

    /// <summary>
    /// Graph returns only a small default property set for users without <c>$select</c>
    /// (no accountEnabled, no employeeType...). On by default: code that forgets <c>$select</c> must fail here too.
    /// </summary>
    public bool UserDefaultPropertySet { get; set; } = true;

    /// <summary>
    /// v1.0 <c>GET /groups/{id}/members</c> leaves service principals out (a documented known issue;
    /// <c>$expand=members</c> and <c>transitiveMembers</c> include them). On by default.
    /// </summary>
    public bool HideServicePrincipalsFromMembers { get; set; } = true;

    /// <summary>How long a "hang" fault holds a request before answering 504 (unless the client gives up first).</summary>
    public TimeSpan HangDuration { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// At most <paramref name="Requests"/> CA requests per <paramref name="Window"/> for the tenant (all
/// callers together); the excess gets 429 WITHOUT Retry-After, as Graph answers.
/// </summary>
public sealed record ConditionalAccessThrottleOptions(int Requests = 1, TimeSpan? Window = null)
{
    public TimeSpan WindowOrDefault => Window ?? TimeSpan.FromSeconds(1);
}

/// <summary>
/// A token bucket of resource units: <paramref name="Capacity"/> units, refilled at
/// <paramref name="RefillPerSecond"/>. Each request costs what Graph's table says (GET users 2,
/// members 3, transitiveMembers 5, $select -1, $expand +1, never below 1). The defaults are Graph's
/// large-tenant quota: 8,000 units per 10 s. A throttled request gets 429 with an integer Retry-After.
/// </summary>
public sealed record DirectoryThrottleOptions(double Capacity = 8000, double RefillPerSecond = 800);
