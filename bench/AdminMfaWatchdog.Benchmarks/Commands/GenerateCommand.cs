using AdminMfaWatchdog.Benchmarks.Tenants;
using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Core.Directory;

namespace AdminMfaWatchdog.Benchmarks.Commands;

/// <summary>
/// <c>generate --tenant SIZE --output FILE [--config-output FILE] [--seed N]</c>: writes the tenant
/// snapshot (and its configuration), after checking the tenant has exactly the requested counts, then
/// reads both files back with the engine's own readers and checks they say the same thing.
/// </summary>
internal static class GenerateCommand
{
    public static int Run(BenchArguments arguments, TextWriter output)
    {
        arguments.Allow("--tenant", "--output", "--config-output", "--seed");
        var size = TenantOption.Read(arguments);
        var snapshotPath = Path.GetFullPath(arguments.Required("--output"));
        var configPath = arguments.Value("--config-output") is { } path ? Path.GetFullPath(path) : null;
        var seed = arguments.Seed(SyntheticTenantGenerator.DefaultSeed);

        var tenant = SyntheticTenantGenerator.Generate(size, seed);
        var shape = TenantShape.Verify(tenant);

        WriteFile(snapshotPath, stream => SnapshotJsonWriter.Write(tenant.Snapshot, stream));
        var config = tenant.Config;
        if (configPath is not null)
        {
            WriteFile(configPath, stream => ConfigJsonWriter.Write(tenant.Config, stream));
            using var configFile = File.OpenRead(configPath);
            config = ConfigJson.Read(configFile, configPath);
            RequireSameBytes(configPath, stream => ConfigJsonWriter.Write(config, stream));
        }

        TenantSnapshot readBack;
        using (var snapshotFile = File.OpenRead(snapshotPath)) readBack = SnapshotJson.Read(snapshotFile, snapshotPath);
        RequireSameBytes(snapshotPath, stream => SnapshotJsonWriter.Write(readBack, stream));
        if (TenantShape.Measure(readBack, config, tenant.ReferenceTime) != shape)
            throw new InvalidOperationException($"{snapshotPath} read back as a tenant of another shape");

        output.WriteLine($"{size.Name} tenant, seed {seed}: {shape.Users:N0} users, {shape.Groups:N0} groups, " +
            $"{shape.ActivePrivilegedAssignments:N0} active privileged assignments ({shape.AssignmentsThroughRoleAssignableGroups:N0} through role-assignable groups), " +
            $"{shape.EligibleAssignments:N0} eligible, {shape.Policies:N0} policies, {shape.ServiceAccounts:N0} service accounts, {shape.Admins:N0} admins");
        output.WriteLine($"snapshot: {snapshotPath} ({new FileInfo(snapshotPath).Length / 1_048_576.0:F1} MB), read back identical");
        if (configPath is not null) output.WriteLine($"config:   {configPath}, read back identical");
        output.WriteLine($"evaluate it at {tenant.ReferenceTime:O} (every PIM eligibility is current then)");
        return 0;
    }

    private static void WriteFile(string path, Action<Stream> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = File.Create(path);
        write(file);
    }

    /// <summary>What the engine read, written again, must be the file byte for byte: nothing was lost or changed.</summary>
    private static void RequireSameBytes(string path, Action<Stream> rewrite)
    {
        using var again = new MemoryStream();
        rewrite(again);
        if (!again.ToArray().AsSpan().SequenceEqual(File.ReadAllBytes(path)))
            throw new InvalidOperationException($"{path} does not read back to the same content");
    }
}
