using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Core.Directory;

namespace AdminMfaWatchdog.Benchmarks.Tenants;

/// <summary>
/// A generated tenant and the configuration that watches it. <see cref="ReferenceTime"/> is the "now"
/// the tenant was drawn for (every PIM eligibility is current then): evaluate it at that time.
/// </summary>
public sealed record SyntheticTenant(TenantSize Size, ulong Seed, DateTimeOffset ReferenceTime, TenantSnapshot Snapshot, WatchdogConfig Config);
