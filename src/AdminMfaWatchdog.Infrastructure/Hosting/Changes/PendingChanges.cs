using System.Security.Cryptography;
using System.Text;

namespace AdminMfaWatchdog.Infrastructure.Hosting.Changes;

/// <summary>
/// The notifications queued since the last scan started, by fingerprint. The same notification again
/// (a replay, or Graph retrying one it thinks was lost) adds nothing while the first still waits for
/// its scan; once a scan starts the set empties, because a change after that start needs its own scan.
/// </summary>
internal sealed class PendingChanges
{
    // A bound, so a flood of distinct notifications cannot grow memory without end; past it, all are queued.
    private const int MaxRemembered = 10_000;

    private readonly HashSet<string> _fingerprints = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public static string Fingerprint(string rawJson) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(rawJson)));

    /// <summary>True when the fingerprint was not pending; it is pending from now on.</summary>
    public bool TryAdd(string fingerprint)
    {
        lock (_gate)
        {
            if (_fingerprints.Count >= MaxRemembered) return true;
            return _fingerprints.Add(fingerprint);
        }
    }

    public void Remove(string fingerprint)
    {
        lock (_gate) _fingerprints.Remove(fingerprint);
    }

    public void Clear()
    {
        lock (_gate) _fingerprints.Clear();
    }
}
