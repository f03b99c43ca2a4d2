using AdminMfaWatchdog.Core.Alerts;
using AdminMfaWatchdog.Core.Findings;
using AdminMfaWatchdog.Core.Ports;
using AdminMfaWatchdog.Infrastructure.Alerts.Email;
using AdminMfaWatchdog.Infrastructure.Alerts.Teams;
using AdminMfaWatchdog.Infrastructure.Alerts.Webhook;
using Microsoft.Extensions.Configuration;
using Microsoft.Graph;

namespace AdminMfaWatchdog.Infrastructure.Alerts;

/// <summary>
/// Reads the <c>Alerts</c> section and builds the configured channels. Errors name the setting and what is
/// wrong with it, never its value.
/// </summary>
public static class AlertsSettings
{
    /// <summary>How long one webhook POST may take before it counts as a failed attempt.</summary>
    public static readonly TimeSpan WebhookTimeout = TimeSpan.FromSeconds(30);

    /// <exception cref="AlertsConfigurationException">A setting that cannot work.</exception>
    public static AlertsOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = StrictBinding.Bind<AlertsOptions>(configuration, "Alerts", problem => new AlertsConfigurationException("Alerts", problem));
        Validate(options);
        return options;
    }

    public static AlertPolicy Policy(AlertsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new AlertPolicy(MinimumSeverityOf(options), options.DailyDigest);
    }

    /// <summary>
    /// The channels whose settings are set. <paramref name="graph"/> sends the email (required when
    /// <c>Alerts:Email:Sender</c> is set); <paramref name="http"/> posts to the webhooks (default: a client
    /// that follows no redirects and gives up after <see cref="WebhookTimeout"/>).
    /// </summary>
    public static IReadOnlyList<IAlertChannel> Channels(AlertsOptions options, GraphServiceClient? graph, HttpClient? http = null)
    {
        Validate(options);
        var channels = new List<IAlertChannel>();
        if (options.Teams.WebhookUrl is { Length: > 0 } teams)
            channels.Add(new TeamsAlertChannel(new Uri(teams), http ??= HttpDelivery.CreateClient(WebhookTimeout)));
        if (options.Email.Sender is { Length: > 0 } sender)
            channels.Add(new EmailAlertChannel(
                graph ?? throw new AlertsConfigurationException("Alerts:Email:Sender", "email needs Microsoft Graph: configure the Graph settings"),
                sender, options.Email.Recipients.Where(address => !string.IsNullOrWhiteSpace(address)).ToList()));
        if (options.Webhook.Url is { Length: > 0 } webhook)
            channels.Add(new WebhookAlertChannel(new Uri(webhook), http ?? HttpDelivery.CreateClient(WebhookTimeout)));
        return channels;
    }

    private static void Validate(AlertsOptions options)
    {
        MinimumSeverityOf(options);
        RequireWebhookUrl(options.Teams.WebhookUrl, "Alerts:Teams:WebhookUrl");
        RequireWebhookUrl(options.Webhook.Url, "Alerts:Webhook:Url");
        var hasSender = !string.IsNullOrWhiteSpace(options.Email.Sender);
        var recipients = options.Email.Recipients.Where(address => !string.IsNullOrWhiteSpace(address)).ToList();
        if (hasSender && recipients.Count == 0)
            throw new AlertsConfigurationException("Alerts:Email:Recipients", "at least one recipient is required when Alerts:Email:Sender is set");
        if (!hasSender && recipients.Count > 0)
            throw new AlertsConfigurationException("Alerts:Email:Sender", "required when Alerts:Email:Recipients is set");
        if (recipients.FirstOrDefault(address => !address.Contains('@', StringComparison.Ordinal)) is not null)
            throw new AlertsConfigurationException("Alerts:Email:Recipients", "every recipient must be an email address");
    }

    private static Severity MinimumSeverityOf(AlertsOptions options) =>
        AlertSeverity.TryParse(options.MinimumSeverity, out var severity)
            ? severity
            : throw new AlertsConfigurationException("Alerts:MinimumSeverity", "must be critical, high, medium or low");

    // https only, except on loopback (local receivers and tests); the message never repeats the URL.
    private static void RequireWebhookUrl(string? url, string setting)
    {
        if (string.IsNullOrEmpty(url)) return;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
            throw new AlertsConfigurationException(setting, "must be an absolute https URL");
    }
}

/// <summary>An alert setting that cannot work; the message names the setting, never its value.</summary>
public sealed class AlertsConfigurationException(string setting, string problem) : Exception($"{setting}: {problem}");
