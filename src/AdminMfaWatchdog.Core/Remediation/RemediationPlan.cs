using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Findings;
using AdminMfaWatchdog.Core.Remediation.Guardrails;

namespace AdminMfaWatchdog.Core.Remediation;

/// <summary>
/// One action of a plan: what the report shows (<see cref="Action"/>), the write behind it, and the
/// findings (by fingerprint) it fixes once the read-back shows the change.
/// </summary>
public sealed record PlannedRemediation(
    RemediationAction Action,
    RemediationChange Change,
    Severity Severity,
    IReadOnlyList<string> Fingerprints);

/// <summary>The actions of one run, in the order they are written: most severe first, then by rule.</summary>
public sealed class RemediationPlan
{
    internal RemediationPlan(IReadOnlyList<PlannedRemediation> items, BreakGlassGuard? breakGlass)
    {
        Items = items;
        BreakGlass = breakGlass;
    }

    public static RemediationPlan Empty { get; } = new([], null);

    public IReadOnlyList<PlannedRemediation> Items { get; }

    public IReadOnlyList<RemediationAction> Actions => Items.Select(i => i.Action).ToArray();

    /// <summary>For what only the live tenant can tell at write time (a deleted policy's content).</summary>
    internal BreakGlassGuard? BreakGlass { get; }
}
