namespace AdminMfaWatchdog.Infrastructure.Alerts.Outbox;

/// <summary>Options for <see cref="TableAlertOutbox"/>: its table and its retry schedule.</summary>
public sealed class AlertOutboxOptions
{
    public string TableName { get; set; } = "WatchdogOutbox";

    /// <summary>The wait after the first failed attempt; it doubles with each further failure.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait between attempts (a receiver's Retry-After may ask for longer, up to <see cref="MaxRetryAfter"/>).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A receiver asking for a longer wait than this is retried after this.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Failed attempts after which a delivery is given up as dead (kept in the table, not retried). With the
    /// defaults, about two days of a receiver failing.
    /// </summary>
    public int MaxAttempts { get; set; } = 48;

    /// <summary>How long a run owns a delivery it is attempting, so another run does not send it at the same time.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(2);

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
