namespace AdminMfaWatchdog.Core.Alerts;

/// <summary>
/// What one alert says: the changes of one scan (or the daily digest), ordered most severe first.
/// <see cref="BatchId"/> is stable for the same scan (or the same tenant and day, for a digest), so a batch
/// queued twice is delivered once per channel, and receivers can drop a redelivery by it.
/// </summary>
/// <param name="ScanTime">when the scan completed (for a digest: when the digest was made).</param>
/// <param name="Error">why the scan could not complete; null when it completed.</param>
public sealed record AlertBatch(
    string BatchId,
    AlertBatchKind Kind,
    string TenantId,
    string ScanId,
    DateTimeOffset ScanTime,
    bool Complete,
    string? Error,
    IReadOnlyList<AlertItem> Items);
