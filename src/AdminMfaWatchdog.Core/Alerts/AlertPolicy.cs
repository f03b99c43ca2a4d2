using AdminMfaWatchdog.Core.Findings;

namespace AdminMfaWatchdog.Core.Alerts;

/// <summary>What to alert on: the <c>Alerts:MinimumSeverity</c> and <c>Alerts:DailyDigest</c> settings.</summary>
public sealed record AlertPolicy(Severity MinimumSeverity = AlertSeverity.DefaultMinimum, bool DailyDigest = false);
