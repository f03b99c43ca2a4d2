namespace AdminMfaWatchdog.Infrastructure.Hosting;

/// <summary>The <c>Host</c> section: what <c>watchdog serve</c> needs that Azure Functions provides itself.</summary>
public sealed class HostOptions
{
    /// <summary>The key protected routes require (<c>x-functions-key</c> header or <c>?code=</c>), as Functions does.</summary>
    public string? FunctionKey { get; set; }
}

/// <summary>The <c>Notifications</c> section: Graph change notifications and the work they trigger.</summary>
public sealed class NotificationOptions
{
    /// <summary>The secret Graph echoes in every notification; notifications without it are forged.</summary>
    public string? ClientState { get; set; }

    /// <summary>The https base URL Graph reaches the watchdog on; subscriptions are kept only when set.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>How long a change waits for the rest of its burst before the scan it triggers.</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often <c>auditLogs/directoryAudits</c> is read for changes Graph cannot notify.</summary>
    public TimeSpan AuditPollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often subscriptions are checked, renewed and recreated.</summary>
    public TimeSpan SubscriptionCheckInterval { get; set; } = TimeSpan.FromHours(1);
}
