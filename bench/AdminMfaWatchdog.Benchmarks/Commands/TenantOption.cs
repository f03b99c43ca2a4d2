using AdminMfaWatchdog.Benchmarks.Tenants;

namespace AdminMfaWatchdog.Benchmarks.Commands;

internal static class TenantOption
{
    public static TenantSize Read(BenchArguments arguments)
    {
        var name = arguments.Required("--tenant");
        return TenantSize.Find(name)
            ?? throw new UsageException($"unknown tenant size '{name}' (expected one of: {string.Join(", ", TenantSize.All.Select(s => s.Name))})");
    }
}
