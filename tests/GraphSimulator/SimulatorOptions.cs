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

    /// <summary>Timeouts, retries and batching of subscription handshakes and change notifications.</summary>
    public ChangeNotificationOptions ChangeNotifications { get; set; } = new();

    /// <summary>The reports limit (directoryAudits): 5 requests per 10 s per app; null = off.</summary>
    public ReportsThrottleOptions? ReportsThrottle { get; set; }

    /// <summary>
    /// Real audit logs appear minutes after the change; an entry is listed only once its activityDateTime is
    /// this old on the simulator's clock. Zero by default: entries are listed at once.
    /// </summary>
    public TimeSpan AuditLogIngestionDelay { get; set; } = TimeSpan.Zero;
}

/// <summary>
/// How the simulator talks to notification endpoints. Graph's values are the defaults; tests shorten
/// them. Delays between retries run on the real clock (a manual clock would never fire them).
/// </summary>
public sealed record ChangeNotificationOptions
{
    /// <summary>The validation handshake must be answered within this (Graph: 10 s).</summary>
    public TimeSpan ValidationTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A notification or lifecycle POST must be answered with a 2xx within this (Graph: 3 s).</summary>
    public TimeSpan DeliveryTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The wait before the first retry of an undelivered POST; it doubles with every further attempt.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>No retry starts later than this after the first attempt (Graph: 4 hours); the POST is then dropped.</summary>
    public TimeSpan GiveUpAfter { get; init; } = TimeSpan.FromHours(4);

    /// <summary>
    /// Notifications for one URL raised within this window share one POST, as Graph may batch them.
    /// Zero (the default): one POST per change and URL.
    /// </summary>
    public TimeSpan BatchWindow { get; init; } = TimeSpan.Zero;
}

/// <summary>At most <paramref name="Requests"/> report requests per <paramref name="Window"/>; the excess gets 429 with an integer Retry-After.</summary>
public sealed record ReportsThrottleOptions(int Requests = 5, TimeSpan? Window = null)
{
    public TimeSpan WindowOrDefault => Window ?? TimeSpan.FromSeconds(10);
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
