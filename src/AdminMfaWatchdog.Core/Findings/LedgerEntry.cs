namespace AdminMfaWatchdog.Core.Findings;

public enum FindingStatus { Open, Resolved, Remediated }

/// <summary>What the ledger remembers of one fact (one fingerprint) across scans.</summary>
public sealed record LedgerEntry(
    Finding Finding,
    FindingStatus Status,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    DateTimeOffset? ResolvedAt,
    int Occurrences,
    string LastScanId)
{
    public string Fingerprint => Finding.Fingerprint;

    /// <summary>
    /// The stored row's version as the store read it (opaque; null for an entry not yet stored), so a write
    /// can fail instead of overwriting a change made since. <c>with</c> copies keep it.
    /// </summary>
    public string? Version { get; init; }
}

public enum TransitionKind { Opened, Reopened, Resolved, Remediated }

/// <summary>A change of status: the events that alerts are made of. A finding seen again is not one.</summary>
public sealed record FindingTransition(TransitionKind Kind, LedgerEntry Entry);
