namespace AdminMfaWatchdog.Core.Alerts;

/// <summary>What an alert item reports. The order is the order items of one severity are listed in.</summary>
public enum AlertKind
{
    /// <summary>The scan could not complete: nothing absent was resolved, and no remediation ran.</summary>
    ScanIncomplete,

    /// <summary>A remediation action was attempted and did not stick.</summary>
    ActionFailed,

    /// <summary>A guardrail refused a remediation action (for example: it would apply a policy to a break-glass account).</summary>
    ActionBlocked,

    Opened,
    Reopened,
    Remediated,
    Resolved,

    /// <summary>A finding still open, listed by the daily digest.</summary>
    StillOpen,
}

/// <summary>Why a batch was sent: the changes of one scan, or the daily digest of what is still open.</summary>
public enum AlertBatchKind { Changes, Digest }
