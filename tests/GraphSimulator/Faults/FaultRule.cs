using System.Text.Json.Serialization;

namespace GraphSimulator.Faults;

[JsonConverter(typeof(JsonStringEnumConverter<FaultKind>))]
public enum FaultKind
{
    /// <summary>Answer with <see cref="FaultRule.Status"/> and the Graph error envelope.</summary>
    Status,

    /// <summary>Hold the request until the client gives up (or <see cref="SimulatorOptions.HangDuration"/>, then 504).</summary>
    Hang,

    /// <summary>Answer 204 as if the write succeeded, without performing it: a write that does not stick.</summary>
    Ignore,
}

/// <summary>
/// Makes matching requests fail. Matching is on the Graph path without <c>/v1.0</c>
/// (e.g. <c>/groups/{id}/members</c>), top-level and batch-inner requests alike. A rule is spent
/// after <see cref="Times"/> failures. Also accepted as JSON by <c>POST /_simulator/faults</c>.
/// </summary>
public sealed record FaultRule
{
    /// <summary>GET, POST...; null = any method.</summary>
    public string? Method { get; init; }

    /// <summary>Case-insensitive path prefix, e.g. <c>/users</c>; null = any path.</summary>
    public string? PathPrefix { get; init; }

    /// <summary>A regular expression the path must match; null = no further condition.</summary>
    public string? PathPattern { get; init; }

    /// <summary>Only this page of a paged list (1 = the request without $skiptoken); null = any.</summary>
    public int? Page { get; init; }

    public FaultKind Kind { get; init; } = FaultKind.Status;

    public int Status { get; init; } = 503;

    /// <summary>The error code in the envelope; by default the one Graph uses for <see cref="Status"/>.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Sent as Retry-After (integer seconds) when set.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>How many matching requests fail before the rule is spent.</summary>
    public int Times { get; init; } = 1;

    /// <summary>How many matching requests pass untouched before the rule starts failing them.</summary>
    public int SkipFirst { get; init; }

    /// <summary>Fail the next <paramref name="times"/> matching requests with 503.</summary>
    public static FaultRule ServiceUnavailable(string? pathPrefix = null, int times = 1) =>
        new() { PathPrefix = pathPrefix, Status = 503, Times = times };

    /// <summary>A burst of <paramref name="times"/> 429s, with Retry-After when given.</summary>
    public static FaultRule TooManyRequests(string? pathPrefix = null, int times = 1, int? retryAfterSeconds = 1) =>
        new() { PathPrefix = pathPrefix, Status = 429, Times = times, RetryAfterSeconds = retryAfterSeconds };

    /// <summary>The next matching request never answers (a timeout for the caller).</summary>
    public static FaultRule Hang(string? pathPrefix = null, int times = 1) =>
        new() { PathPrefix = pathPrefix, Kind = FaultKind.Hang, Times = times };

    /// <summary>The next matching writes are acknowledged (204) but not applied, e.g. <c>NotApplied("PATCH", "/identity/conditionalAccess/policies")</c>.</summary>
    public static FaultRule NotApplied(string method, string? pathPrefix = null, int times = 1) =>
        new() { Method = method, PathPrefix = pathPrefix, Kind = FaultKind.Ignore, Times = times };

    /// <summary>Fail page <paramref name="page"/> of a paged list, e.g. the 2nd page of <c>/users</c>.</summary>
    public static FaultRule FailPage(string pathPrefix, int page, int status = 503) =>
        new() { PathPrefix = pathPrefix, Page = page, Status = status };
}
