namespace AdminMfaWatchdog.Infrastructure.Alerts;

/// <summary>
/// The <c>Alerts</c> settings section. A channel whose settings are unset is off. Webhook URLs are secrets
/// (they carry a signature): put them in Key Vault references or secret app settings; nothing here ever
/// writes them out.
/// </summary>
public sealed class AlertsOptions
{
    /// <summary>critical | high | medium | low: items below it are not sent (an incomplete scan and a failed action always are).</summary>
    public string MinimumSeverity { get; set; } = "medium";

    /// <summary>Also send, once a day (UTC), the list of findings still open.</summary>
    public bool DailyDigest { get; set; }

    public TeamsAlertOptions Teams { get; set; } = new();

    public EmailAlertOptions Email { get; set; } = new();

    public WebhookAlertOptions Webhook { get; set; } = new();
}

public sealed class TeamsAlertOptions
{
    /// <summary>The URL of a Workflows "When a Teams webhook request is received" trigger. Secret.</summary>
    public string? WebhookUrl { get; set; }
}

public sealed class EmailAlertOptions
{
    /// <summary>The mailbox (id or user principal name) that sends the alerts, through Graph sendMail.</summary>
    public string? Sender { get; set; }

    public List<string> Recipients { get; set; } = [];
}

public sealed class WebhookAlertOptions
{
    /// <summary>Where the generic JSON webhook POSTs each batch. Secret (it may carry a key).</summary>
    public string? Url { get; set; }
}
