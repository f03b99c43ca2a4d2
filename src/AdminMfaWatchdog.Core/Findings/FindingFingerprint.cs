using System.Security.Cryptography;
using System.Text;

namespace AdminMfaWatchdog.Core.Findings;

/// <summary>
/// Stable hash of (tenantId, ruleId, subjectId, policyId): one finding per fact, remembered across scans.
/// Ids are compared case-insensitively by Graph, so they are lower-cased before hashing.
/// </summary>
public static class FindingFingerprint
{
    public static string Compute(string tenantId, string ruleId, string subjectId, string? policyId)
    {
        var key = string.Join('\n', tenantId, ruleId, subjectId, policyId ?? "").ToLowerInvariant();
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return Convert.ToHexStringLower(hash, 0, 16);
    }
}
