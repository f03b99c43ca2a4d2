namespace AdminMfaWatchdog.Core.Findings;

/// <summary>The rows to write and the transitions to alert on, from one scan against the ledger.</summary>
public sealed record Reconciliation(IReadOnlyList<LedgerEntry> Changes, IReadOnlyList<FindingTransition> Transitions);

/// <summary>
/// Folds one scan's findings into the ledger. New -> open; seen again -> last seen and occurrences;
/// found and fixed by the run's own action -> remediated (new or not); an open finding absent from a
/// COMPLETE scan -> resolved, or remediated when the watchdog's own action fixed it. An incomplete
/// scan proves nothing absent, so it resolves nothing.
/// </summary>
public static class LedgerReconciliation
{
    /// <param name="known">the ledger's open entries plus any entry whose fingerprint the scan found.</param>
    /// <param name="remediatedFingerprints">findings that an action of this run fixed (read back).</param>
    public static Reconciliation Reconcile(
        IReadOnlyCollection<LedgerEntry> known,
        IReadOnlyList<Finding> current,
        bool scanComplete,
        string scanId,
        DateTimeOffset now,
        IReadOnlySet<string> remediatedFingerprints)
    {
        var byFingerprint = known.ToDictionary(e => e.Fingerprint, StringComparer.Ordinal);
        var changes = new List<LedgerEntry>();
        var transitions = new List<FindingTransition>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (var finding in current)
        {
            if (!seen.Add(finding.Fingerprint)) continue;
            // Found and fixed (and read back fixed) by this very run.
            var fixedNow = remediatedFingerprints.Contains(finding.Fingerprint);
            var status = fixedNow ? FindingStatus.Remediated : FindingStatus.Open;
            DateTimeOffset? resolvedAt = fixedNow ? now : null;
            if (!byFingerprint.TryGetValue(finding.Fingerprint, out var entry))
            {
                var created = new LedgerEntry(finding, status, now, now, resolvedAt, 1, scanId);
                changes.Add(created);
                transitions.Add(new FindingTransition(fixedNow ? TransitionKind.Remediated : TransitionKind.Opened, created));
                continue;
            }
            var again = entry with
            {
                Finding = finding, Status = status, LastSeen = now, ResolvedAt = resolvedAt,
                Occurrences = entry.Occurrences + 1, LastScanId = scanId,
            };
            changes.Add(again);
            if (fixedNow) transitions.Add(new FindingTransition(TransitionKind.Remediated, again));
            else if (entry.Status != FindingStatus.Open) transitions.Add(new FindingTransition(TransitionKind.Reopened, again));
        }

        if (scanComplete)
        {
            foreach (var entry in known.Where(e => e.Status == FindingStatus.Open && !seen.Contains(e.Fingerprint)))
            {
                var remediated = remediatedFingerprints.Contains(entry.Fingerprint);
                var closed = entry with
                {
                    Status = remediated ? FindingStatus.Remediated : FindingStatus.Resolved, ResolvedAt = now, LastScanId = scanId,
                };
                changes.Add(closed);
                transitions.Add(new FindingTransition(remediated ? TransitionKind.Remediated : TransitionKind.Resolved, closed));
            }
        }
        return new Reconciliation(changes, transitions);
    }
}
