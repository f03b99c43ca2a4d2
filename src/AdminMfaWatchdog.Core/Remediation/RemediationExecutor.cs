using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Ports;

namespace AdminMfaWatchdog.Core.Remediation;

public sealed class RemediationExecutorOptions
{
    /// <summary>
    /// Reads that may pass before a write shows: the directory is eventually consistent, so a write
    /// Graph accepted can take a moment to appear on reads. Only then is it called "did not stick".
    /// </summary>
    public int ReadBackAttempts { get; init; } = 3;

    /// <summary>The wait between read-back attempts.</summary>
    public TimeSpan ReadBackDelay { get; init; } = TimeSpan.FromSeconds(2);

    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

/// <summary>The actions as they ended, and the findings (fingerprints) whose fix the read-back showed: the ledger marks those remediated.</summary>
public sealed record RemediationOutcome(IReadOnlyList<RemediationAction> Actions, IReadOnlySet<string> FixedFingerprints);

/// <summary>
/// Writes a plan's planned actions, in order, and reads each one back: <c>applied</c> only when the
/// directory shows the change; <c>failed</c> when the write is refused or does not stick. Blocked and
/// skipped actions are never written. A dry run writes nothing and leaves every action as planned.
/// </summary>
public sealed class RemediationExecutor(IDirectoryWriter writer, IDirectoryReadBack readBack, RemediationExecutorOptions? options = null)
{
    private readonly RemediationExecutorOptions _options = options ?? new RemediationExecutorOptions();

    public async Task<RemediationOutcome> ExecuteAsync(RemediationPlan plan, bool dryRun, CancellationToken cancellationToken)
    {
        if (dryRun) return new RemediationOutcome(plan.Actions, new HashSet<string>());

        var actions = new List<RemediationAction>();
        var fixedFingerprints = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in plan.Items)
        {
            var action = item.Action.Status == ActionStatus.Planned ? await RunAsync(item, plan, cancellationToken).ConfigureAwait(false) : item.Action;
            if (action.Status == ActionStatus.Applied) fixedFingerprints.UnionWith(item.Fingerprints);
            actions.Add(action);
        }
        return new RemediationOutcome(actions, fixedFingerprints);
    }

    private async Task<RemediationAction> RunAsync(PlannedRemediation item, RemediationPlan plan, CancellationToken cancellationToken)
    {
        var (action, change) = (item.Action, item.Change);
        try
        {
            // A plan with actions always carries its guard; only the empty plan has none.
            if (await change.VetAsync(readBack, plan.BreakGlass!, cancellationToken).ConfigureAwait(false) is { } refusal)
                return action with { Status = refusal.Status, Detail = $"{action.Detail}: {Describe(refusal.Status)}: {refusal.Reason}" };
        }
        catch (DirectoryReadException ex)
        {
            return Failed(action, $"could not be checked before the write: {ex.Message}");
        }

        try
        {
            await change.WriteAsync(writer, cancellationToken).ConfigureAwait(false);
        }
        catch (DirectoryWriteException ex)
        {
            return Failed(action, $"the write was refused: {ex.Message}");
        }

        ReadBack result;
        try
        {
            result = await ReadBackAsync(change, cancellationToken).ConfigureAwait(false);
        }
        catch (DirectoryReadException ex)
        {
            return Failed(action, $"written, but the read-back failed, so it is not known to have stuck: {ex.Message}");
        }
        return result.Stuck
            ? action with { Status = ActionStatus.Applied, Detail = $"{action.Detail}: applied and read back", After = result.Observed }
            : Failed(action, $"written, but the change did not stick: the read-back shows {result.Observed}") with { After = result.Observed };
    }

    private async Task<ReadBack> ReadBackAsync(RemediationChange change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await change.ReadBackAsync(readBack, cancellationToken).ConfigureAwait(false);
            if (result.Stuck || attempt >= _options.ReadBackAttempts) return result;
            await Task.Delay(_options.ReadBackDelay, _options.Clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private static RemediationAction Failed(RemediationAction action, string reason) =>
        action with { Status = ActionStatus.Failed, Detail = $"{action.Detail}: failed: {reason}" };

    private static string Describe(ActionStatus status) => status == ActionStatus.Blocked ? "blocked" : "failed";
}
