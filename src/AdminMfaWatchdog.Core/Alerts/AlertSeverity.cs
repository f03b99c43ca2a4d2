using AdminMfaWatchdog.Core.Findings;

namespace AdminMfaWatchdog.Core.Alerts;

/// <summary>The minimum severity setting (<c>Alerts:MinimumSeverity</c>) and what it lets through.</summary>
public static class AlertSeverity
{
    public const Severity DefaultMinimum = Severity.Medium;

    /// <summary>
    /// Resolved and remediated items carry the severity of their finding, so they follow the same threshold as
    /// its opening did. An incomplete scan and a failed action always pass: they mean the watchdog itself
    /// is not doing its job, whatever the findings' severity.
    /// </summary>
    public static bool Passes(AlertItem item, Severity minimum) =>
        item.Kind is AlertKind.ScanIncomplete or AlertKind.ActionFailed || item.Severity >= minimum;

    /// <summary>"critical", "high", "medium" or "low", any case; nothing else (no numbers, no combinations).</summary>
    public static bool TryParse(string? text, out Severity severity)
    {
        var name = Enum.GetNames<Severity>().FirstOrDefault(name => string.Equals(name, text, StringComparison.OrdinalIgnoreCase));
        severity = name is null ? DefaultMinimum : Enum.Parse<Severity>(name);
        return name is not null;
    }
}
