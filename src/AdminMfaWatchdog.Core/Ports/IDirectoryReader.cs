using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Core.Directory;

namespace AdminMfaWatchdog.Core.Ports;

/// <summary>
/// Reads what a scan needs of a tenant. The configuration says which objects matter (exclusion group,
/// break-glass accounts, service-account patterns) so a live reader never has to list every user.
/// </summary>
public interface IDirectoryReader
{
    /// <exception cref="DirectoryReadException">any read failed: the caller must not treat the tenant as known.</exception>
    Task<TenantSnapshot> ReadAsync(WatchdogConfig config, CancellationToken cancellationToken);
}

/// <summary>A read did not complete; the scan is incomplete and nothing may be concluded or written.</summary>
public sealed class DirectoryReadException(string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>The tenant that was being read, when the reader knows it.</summary>
    public string? TenantId { get; init; }
}
