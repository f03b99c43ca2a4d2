using AdminMfaWatchdog.Core.Engine;

namespace AdminMfaWatchdog.Core.Remediation.Guardrails;

/// <summary>
/// At most <c>maxActionsPerRun</c> writes per run: the first planned actions, in plan order (most
/// severe first), keep their slot; the rest are <c>skipped</c> and wait for the next run. Blocked
/// actions write nothing and take no slot.
/// </summary>
internal static class WriteBudget
{
    public static IReadOnlyList<PlannedRemediation> Apply(IReadOnlyList<PlannedRemediation> ordered, int maxActionsPerRun)
    {
        var used = 0;
        return ordered.Select(item =>
        {
            if (item.Action.Status != ActionStatus.Planned) return item;
            if (++used <= maxActionsPerRun) return item;
            return item with
            {
                Action = item.Action with
                {
                    Status = ActionStatus.Skipped,
                    Detail = $"{item.Action.Detail}: skipped, maxActionsPerRun ({maxActionsPerRun}) reached; due again next run",
                },
            };
        }).ToArray();
    }
}
