namespace AdminMfaWatchdog.Infrastructure.Graph;

/// <summary>How to reach Microsoft Graph (settings section <c>Graph</c>, DESIGN.md "Settings").</summary>
public sealed class GraphOptions
{
    public const string DefaultBaseUrl = "https://graph.microsoft.com/v1.0";

    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>App credentials; none set = DefaultAzureCredential (managed identity in Azure).</summary>
    public string? TenantId { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string? CertificatePath { get; set; }

    /// <summary>Send no token at all; only allowed with a loopback <see cref="BaseUrl"/> (the Graph simulator).</summary>
    public bool Anonymous { get; set; }

    /// <summary>Requests in flight at once, across the whole scan.</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>One attempt's time limit; a timed-out attempt is retried like a 503.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt for throttling (429), 5xx and timeouts.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>
    /// Rounds a batched step answered 429 may be resent: throttling means "later", not "failed", so
    /// it gets more patience than a 5xx; each round waits the longest Retry-After among the steps.
    /// </summary>
    public int MaxThrottledBatchRounds { get; set; } = 12;

    /// <summary>First backoff where Graph gives no Retry-After (the CA endpoints); doubled per retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait a Retry-After may ask for before the read is given up.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Spacing of Conditional Access requests: Graph allows one per second per tenant.</summary>
    public TimeSpan ConditionalAccessSpacing { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a scan for a change notification (users, group members) may reuse the named locations and
    /// authentication strengths an earlier scan read, instead of spending up to two seconds of CA spacing on
    /// them. Timer, on-demand and audit-log scans always read them. Zero: never reuse.
    /// </summary>
    public TimeSpan PolicyReferencesMaxAge { get; set; } = TimeSpan.FromMinutes(15);

    public Uri ValidatedBaseUri()
    {
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw new GraphConfigurationException("Graph:BaseUrl", $"'{BaseUrl}' is not an absolute http(s) URL");
        if (uri.AbsolutePath.TrimEnd('/') != "/v1.0")
            throw new GraphConfigurationException("Graph:BaseUrl", $"the path must be exactly /v1.0 (the SDK's batch code depends on it), not '{uri.AbsolutePath}'");
        if (Anonymous && !uri.IsLoopback)
            throw new GraphConfigurationException("Graph:Anonymous", $"anonymous access is only allowed with a loopback Graph URL, not {uri.Host}");
        if (!Anonymous && uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback)
            throw new GraphConfigurationException("Graph:BaseUrl", "tokens are only sent over https");
        if (MaxConcurrency < 1) throw new GraphConfigurationException("Graph:MaxConcurrency", "must be at least 1");
        if (PolicyReferencesMaxAge < TimeSpan.Zero || PolicyReferencesMaxAge > TimeSpan.FromDays(1))
            throw new GraphConfigurationException("Graph:PolicyReferencesMaxAge", "must be between 00:00:00 (never reuse) and 1.00:00:00");
        if (MaxRetries < 0) throw new GraphConfigurationException("Graph:MaxRetries", "cannot be negative");
        return uri;
    }
}

/// <summary>A Graph setting that cannot work; the message names the setting, never a secret's value.</summary>
public sealed class GraphConfigurationException(string setting, string problem) : Exception($"{setting}: {problem}")
{
    public string Setting { get; } = setting;
}
