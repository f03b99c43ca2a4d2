using AdminMfaWatchdog.Core.Alerts;
using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Core.Directory;
using AdminMfaWatchdog.Core.Findings;
using AdminMfaWatchdog.Core.Ports;
using AdminMfaWatchdog.Core.Remediation;

namespace AdminMfaWatchdog.Core.Engine;

/// <summary>What one run produced: the report, the ledger transitions, and what became of the alerts.</summary>
public sealed record ScanOutcome(ScanReport Report, IReadOnlyList<FindingTransition> Transitions)
{
    /// <summary>Batches queued and delivered by this run; null without alerting.</summary>
    public AlertRunResult? Alerts { get; init; }

    /// <summary>Why the alerts of this run could not be queued (the outbox was unreachable); they are not lost from the ledger.</summary>
    public string? AlertError { get; init; }
}

/// <summary>Whether a run changes the tenant: never, for real, or only says what it would do.</summary>
public enum RemediationMode { None, Remediate, DryRun }

public sealed class WatchdogEngineOptions
{
    /// <summary>Remediate honours each rule's configured mode; None keeps the run read-only.</summary>
    public RemediationMode Remediation { get; init; } = RemediationMode.None;

    /// <summary>What started the scan, as recorded in WatchdogScans (see <see cref="ScanTriggers"/>).</summary>
    public string Trigger { get; init; } = ScanTriggers.Cli;

    /// <summary>How long a run holds its tenant's scan lease; longer than any scan takes.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a run waits for another run of the same tenant to release the lease.</summary>
    public TimeSpan LeaseWait { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// One run: read the tenant, evaluate coverage and rules, then under the tenant's scan lease act
/// (remediate inside the guardrails, when asked) and fold the findings into the ledger, and record
/// the run. A read that fails makes the scan incomplete: no admins, no findings, no writes, nothing
/// resolved. A ledger that cannot be updated makes the run incomplete too (its error says so): what
/// was found stands, but it was not remembered. The engine does not know which host runs it.
/// </summary>
/// <param name="remediation">how fixes are applied and read back; without it a run can only plan (dry run).</param>
/// <param name="alerts">the alert step, run at the end of every run, complete or not.</param>
public sealed class WatchdogEngine(
    IDirectoryReader reader, TimeProvider clock, IFindingStore? ledger = null, WatchdogEngineOptions? options = null,
    RemediationExecutor? remediation = null, AlertNotifier? alerts = null)
{
    private readonly WatchdogEngineOptions _options = options ?? new WatchdogEngineOptions();

    private sealed record Scan(ScanReport Report, TenantSnapshot? Snapshot, Evaluation? Evaluation);

    public async Task<ScanOutcome> RunAsync(WatchdogConfig config, CancellationToken cancellationToken)
    {
        var (report, transitions) = await ScanActAndRememberAsync(config, cancellationToken).ConfigureAwait(false);
        if (alerts is null) return new ScanOutcome(report, transitions);
        try
        {
            // Every run, even one with nothing new: it also delivers what earlier runs could not.
            var result = await alerts.NotifyAsync(report, transitions, ledger, cancellationToken).ConfigureAwait(false);
            return new ScanOutcome(report, transitions) { Alerts = result };
        }
        catch (AlertOutboxException ex)
        {
            return new ScanOutcome(report, transitions) { AlertError = ex.Message };
        }
    }

    private async Task<(ScanReport Report, IReadOnlyList<FindingTransition> Transitions)> ScanActAndRememberAsync(WatchdogConfig config, CancellationToken cancellationToken)
    {
        var scan = await ReadAndEvaluateAsync(config, cancellationToken).ConfigureAwait(false);
        var report = scan.Report;
        // A read that failed before the tenant was known leaves nothing to record it under.
        if (ledger is null || report.TenantId.Length == 0)
            return ((await ActAsync(scan, config, cancellationToken).ConfigureAwait(false)).Report, []);

        IReadOnlyList<FindingTransition> transitions = [];
        try
        {
            await using var lease = await AcquireLeaseAsync(report.TenantId, report.ScanId, cancellationToken).ConfigureAwait(false);
            var acted = await ActAsync(scan, config, cancellationToken).ConfigureAwait(false);
            report = acted.Report;
            // The ledger sees what this run fixed too: a finding found and fixed in one run is still
            // remembered (and alerted) as remediated, not lost because it no longer holds.
            var found = scan.Report.Findings.Where(finding => acted.Fixed.Contains(finding.Fingerprint)).Concat(report.Findings).ToArray();
            transitions = (await new LedgerUpdate(ledger).ApplyAsync(report with { Findings = found }, acted.Fixed, cancellationToken).ConfigureAwait(false)).Transitions;
            if (report.Actions.Count > 0)
                await ledger.RecordActionsAsync(report.TenantId, report.ScanId, report.Actions, cancellationToken).ConfigureAwait(false);
        }
        catch (FindingStoreException ex)
        {
            report = report with { Complete = false, Error = $"the findings ledger could not be updated: {ex.Message}" };
        }
        catch (LedgerUpdateException ex)
        {
            transitions = ex.AppliedTransitions;
            report = report with { Complete = false, Error = ex.Message };
        }
        catch (LeaseUnavailableException ex)
        {
            report = report with { Complete = false, Error = ex.Message };
        }

        try
        {
            await ledger.RecordScanAsync(ScanRecord.From(report, _options.Trigger, transitions), cancellationToken).ConfigureAwait(false);
        }
        catch (FindingStoreException ex) when (!report.Complete)
        {
            // The run already failed on the store; its report says why. Recording the failure failed too.
            report = report with { Error = $"{report.Error} (the scan record could not be written either: {ex.Message})" };
        }
        catch (FindingStoreException ex)
        {
            report = report with { Complete = false, Error = $"the scan record could not be written: {ex.Message}" };
        }
        return (report, transitions);
    }

    /// <summary>Read and evaluate only; changes and remembers nothing.</summary>
    public async Task<ScanReport> ScanAsync(WatchdogConfig config, CancellationToken cancellationToken) =>
        (await ReadAndEvaluateAsync(config, cancellationToken).ConfigureAwait(false)).Report;

    private async Task<Scan> ReadAndEvaluateAsync(WatchdogConfig config, CancellationToken cancellationToken)
    {
        var scanId = Guid.NewGuid().ToString();
        var startedAt = clock.GetUtcNow();
        TenantSnapshot snapshot;
        try
        {
            snapshot = await reader.ReadAsync(config, cancellationToken).ConfigureAwait(false);
        }
        catch (DirectoryReadException ex)
        {
            return new Scan(new ScanReport(ex.TenantId ?? "", scanId, startedAt, clock.GetUtcNow(), Complete: false, [], [], [])
            {
                Error = ex.Message,
            }, null, null);
        }

        var evaluation = ScanEvaluator.Evaluate(snapshot, config, startedAt);
        return new Scan(new ScanReport(snapshot.TenantId, scanId, startedAt, clock.GetUtcNow(), Complete: true,
            evaluation.Admins, evaluation.Findings, []) { Exclusions = evaluation.Exclusions }, snapshot, evaluation);
    }

    /// <summary>
    /// Plans the fixes of rules in remediate mode and applies them inside the guardrails (or, in a dry
    /// run or without a writer, only plans). Never from an incomplete read.
    /// </summary>
    private async Task<(ScanReport Report, IReadOnlySet<string> Fixed)> ActAsync(Scan scan, WatchdogConfig config, CancellationToken cancellationToken)
    {
        IReadOnlySet<string> none = new HashSet<string>();
        if (_options.Remediation == RemediationMode.None || scan is not { Report.Complete: true, Snapshot: { } snapshot, Evaluation: { } evaluation })
            return (scan.Report, none);
        var plan = RemediationPlanner.Plan(evaluation, snapshot, config, scanComplete: true);
        if (_options.Remediation == RemediationMode.DryRun || remediation is null)
            return (scan.Report with { Actions = plan.Actions }, none);
        var outcome = await remediation.ExecuteAsync(plan, dryRun: false, cancellationToken).ConfigureAwait(false);
        // A finding this run fixed, and read back fixed, is no longer true: it leaves the findings
        // (its action says what was done) so the ledger marks it remediated rather than seen again.
        var stillTrue = scan.Report.Findings.Where(f => !outcome.FixedFingerprints.Contains(f.Fingerprint)).ToArray();
        return (scan.Report with { Actions = outcome.Actions, Findings = stillTrue }, outcome.FixedFingerprints);
    }

    /// <summary>Waits, within a bound, for another run of the same tenant to finish; then gives up.</summary>
    private async Task<IScanLease> AcquireLeaseAsync(string tenantId, string scanId, CancellationToken cancellationToken)
    {
        var giveUpAt = clock.GetUtcNow() + _options.LeaseWait;
        while (true)
        {
            IScanLease? lease;
            try
            {
                lease = await ledger!.TryAcquireScanLeaseAsync(tenantId, scanId, _options.LeaseDuration, cancellationToken).ConfigureAwait(false);
            }
            catch (FindingStoreException ex)
            {
                throw new LedgerUpdateException($"the findings ledger could not be reached: {ex.Message}", [], ex);
            }
            if (lease is not null) return lease;
            if (clock.GetUtcNow() >= giveUpAt)
                throw new LeaseUnavailableException($"another scan of tenant {tenantId} has held the scan lease for over {_options.LeaseWait.TotalSeconds:0} s; this run's findings were not recorded");
            await Task.Delay(TimeSpan.FromSeconds(1), clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class LeaseUnavailableException(string message) : Exception(message);
}
