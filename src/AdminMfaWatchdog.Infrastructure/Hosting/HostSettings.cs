using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace AdminMfaWatchdog.Infrastructure.Hosting;

/// <summary>Reads and checks the settings only the hosts use (DESIGN.md "Settings"); errors name the setting, never its value.</summary>
public static class HostSettings
{
    public static readonly TimeSpan DefaultScanInterval = TimeSpan.FromMinutes(15);

    public const string DefaultScanSchedule = "0 */15 * * * *";

    private const int MinimumSecretLength = 16;

    // Graph's subscription contract: clientState is at most 128 characters.
    private const int MaximumClientStateLength = 128;

    public static HostOptions Host(IConfiguration configuration)
    {
        var options = StrictBinding.Bind<HostOptions>(configuration, "Host", problem => new SettingsException("Host", problem));
        if (options.FunctionKey is { } key && (key.Length < MinimumSecretLength || key.Any(char.IsWhiteSpace)))
            throw new SettingsException("Host:FunctionKey", $"must be at least {MinimumSecretLength} characters without spaces");
        return options;
    }

    public static NotificationOptions Notifications(IConfiguration configuration)
    {
        var options = StrictBinding.Bind<NotificationOptions>(configuration, "Notifications", problem => new SettingsException("Notifications", problem));
        if (options.ClientState is { } state && (state.Length < MinimumSecretLength || state.Length > MaximumClientStateLength || state.Any(c => c is < '!' or > '~')))
            throw new SettingsException("Notifications:ClientState", $"must be {MinimumSecretLength}-{MaximumClientStateLength} printable ASCII characters without spaces");
        if (options.PublicBaseUrl is { Length: > 0 } url && !IsAllowedPublicUrl(url))
            throw new SettingsException("Notifications:PublicBaseUrl", "must be an absolute https URL (http only for loopback)");
        if (options.PublicBaseUrl is { Length: > 0 } && options.ClientState is null)
            throw new SettingsException("Notifications:ClientState", "is required when Notifications:PublicBaseUrl is set: subscriptions need a secret");
        RequireWithin(options.Debounce, TimeSpan.Zero, TimeSpan.FromMinutes(5), "Notifications:Debounce");
        RequireWithin(options.AuditPollInterval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1), "Notifications:AuditPollInterval");
        RequireWithin(options.SubscriptionCheckInterval, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1), "Notifications:SubscriptionCheckInterval");
        return options;
    }

    /// <summary><c>Watchdog:ScanInterval</c>: how often <c>watchdog serve</c> scans on its own.</summary>
    public static TimeSpan ScanInterval(IConfiguration configuration)
    {
        if (configuration["Watchdog:ScanInterval"] is not { Length: > 0 } text) return DefaultScanInterval;
        if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var interval))
            throw new SettingsException("Watchdog:ScanInterval", "is not a time span such as 00:15:00");
        RequireWithin(interval, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1), "Watchdog:ScanInterval");
        return interval;
    }

    private static bool IsAllowedPublicUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        && string.IsNullOrEmpty(uri.Query);

    private static void RequireWithin(TimeSpan value, TimeSpan minimum, TimeSpan maximum, string setting)
    {
        if (value < minimum || value > maximum)
            throw new SettingsException(setting, $"must be between {minimum:c} and {maximum:c}");
    }
}
