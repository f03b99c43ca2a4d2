using AdminMfaWatchdog.Benchmarks.Tenants;
using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Core.Directory;
using AdminMfaWatchdog.Core.Engine;
using BenchmarkDotNet.Attributes;

namespace AdminMfaWatchdog.Benchmarks.Micro;

/// <summary>The evaluator's parts on generated tenants: the whole evaluation, and the directory index it starts with.</summary>
[MemoryDiagnoser]
public class EvaluatorBenchmarks
{
    private TenantSnapshot _snapshot = null!;
    private WatchdogConfig _config = null!;
    private DateTimeOffset _now;

    [Params("small", "large")]
    public string Tenant { get; set; } = "small";

    [GlobalSetup]
    public void Generate()
    {
        var tenant = SyntheticTenantGenerator.Generate(TenantSize.Find(Tenant)!, SyntheticTenantGenerator.DefaultSeed);
        (_snapshot, _config, _now) = (tenant.Snapshot, tenant.Config, tenant.ReferenceTime);
    }

    [Benchmark(Description = "ScanEvaluator.Evaluate")]
    public Evaluation Evaluate() => ScanEvaluator.Evaluate(_snapshot, _config, _now);

    [Benchmark(Description = "new TenantDirectory")]
    public TenantDirectory Index() => new(_snapshot);
}
