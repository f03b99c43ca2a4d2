using System.Security.Cryptography;
using System.Text;

namespace AdminMfaWatchdog.Infrastructure.Hosting;

/// <summary>Compares a presented secret with the configured one without leaking, by timing, how much of it matched.</summary>
internal static class SecretComparison
{
    // Hashing first makes the time independent of the presented secret's length too.
    public static bool AreEqual(string? presented, string expected) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
