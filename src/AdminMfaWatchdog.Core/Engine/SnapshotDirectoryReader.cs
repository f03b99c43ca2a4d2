using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Core.Directory;
using AdminMfaWatchdog.Core.Ports;

namespace AdminMfaWatchdog.Core.Engine;

/// <summary>A tenant already read: a snapshot file, the embedded demo tenant, or a test's tenant.</summary>
public sealed class SnapshotDirectoryReader(TenantSnapshot snapshot) : IDirectoryReader
{
    public Task<TenantSnapshot> ReadAsync(WatchdogConfig config, CancellationToken cancellationToken) => Task.FromResult(snapshot);
}
