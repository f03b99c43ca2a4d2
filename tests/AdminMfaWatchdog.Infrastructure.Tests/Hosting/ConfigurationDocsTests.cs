using System.Globalization;
using System.Reflection;
using AdminMfaWatchdog.Infrastructure.Alerts;
using AdminMfaWatchdog.Infrastructure.Graph;
using AdminMfaWatchdog.Infrastructure.Hosting;
using Microsoft.Extensions.Configuration;

namespace AdminMfaWatchdog.Infrastructure.Tests.Hosting;

/// <summary>docs/configuration.md names every setting the code reads, with the default the code uses.</summary>
public sealed class ConfigurationDocsTests
{
    private static readonly string Docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "configuration.md"));

    public static TheoryData<string, string> GraphSettings()
    {
        var defaults = new GraphOptions();
        var data = new TheoryData<string, string>();
        foreach (var property in typeof(GraphOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            data.Add($"Graph:{property.Name}", Format(property.GetValue(defaults)));
        return data;
    }

    [Theory]
    [MemberData(nameof(GraphSettings))]
    public void Every_graph_setting_is_documented_with_its_default(string setting, string defaultValue)
    {
        var row = Assert.Single(Docs.Split('\n'), line => line.StartsWith($"| `{setting}` |", StringComparison.Ordinal));
        Assert.Contains(defaultValue.Length == 0 ? "| — |" : $"`{defaultValue}`", row);
    }

    public static TheoryData<string, string> HostSettings()
    {
        var data = new TheoryData<string, string>();
        foreach (var (section, defaults) in new (string, object)[] { ("Host", new HostOptions()), ("Notifications", new NotificationOptions()) })
        {
            foreach (var property in defaults.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
                data.Add($"{section}:{property.Name}", Format(property.GetValue(defaults)));
        }
        data.Add("Watchdog:ScanInterval", Format(Infrastructure.Hosting.HostSettings.DefaultScanInterval));
        data.Add("Watchdog:ScanSchedule", Infrastructure.Hosting.HostSettings.DefaultScanSchedule);
        return data;
    }

    [Theory]
    [MemberData(nameof(HostSettings))]
    public void Every_host_setting_is_documented_with_its_default(string setting, string defaultValue)
    {
        var row = Assert.Single(Docs.Split('\n'), line => line.StartsWith($"| `{setting}` |", StringComparison.Ordinal));
        Assert.Contains(defaultValue.Length == 0 ? "| — |" : $"`{defaultValue}`", row);
    }

    [Theory]
    [InlineData("Alerts:MinimumSeverity")]
    [InlineData("Alerts:DailyDigest")]
    [InlineData("Alerts:Teams:WebhookUrl")]
    [InlineData("Alerts:Email:Sender")]
    [InlineData("Alerts:Email:Recipients")]
    [InlineData("Alerts:Webhook:Url")]
    [InlineData("Storage:ConnectionString")]
    [InlineData("Storage:TableServiceUri")]
    [InlineData("Storage:QueueServiceUri")]
    public void Every_alert_and_storage_setting_is_named(string setting) => Assert.Contains($"`{setting}`", Docs);

    [Fact]
    public void The_alert_defaults_are_the_documented_ones()
    {
        var defaults = new AlertsOptions();

        Assert.Contains($"`Alerts:MinimumSeverity` (`{defaults.MinimumSeverity}`)", Docs);
        Assert.Contains($"`Alerts:DailyDigest` (`{Format(defaults.DailyDigest)}`)", Docs);
    }

    [Theory]
    [InlineData("WatchedPolicyIds")]
    [InlineData("PrivilegedRoles")]
    [InlineData("BreakGlassAccounts")]
    [InlineData("ServiceAccounts:ExclusionGroupId")]
    [InlineData("ServiceAccounts:UserPrincipalNamePatterns")]
    [InlineData("ServiceAccounts:EmployeeTypes")]
    [InlineData("ServiceAccounts:Ids")]
    [InlineData("Remediation:Default")]
    [InlineData("Remediation:MaxActionsPerRun")]
    public void Every_configuration_key_is_documented_and_accepted(string key)
    {
        Assert.Contains($"`Watchdog:{key}`", Docs);
        var values = new Dictionary<string, string?> { ["Watchdog:ServiceAccounts:ExclusionGroupId"] = "9a3d526c-b3c1-4479-ba74-197b5c5751ae" };
        // Lists are written with an index, as appsettings.json and environment variables express them.
        values[IsList(key) ? $"Watchdog:{key}:0" : $"Watchdog:{key}"] = Sample(key);
        var settings = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        Assert.NotNull(Infrastructure.Hosting.WatchdogSettings.Watchdog(settings));
    }

    private static bool IsList(string key) =>
        key is "WatchedPolicyIds" or "BreakGlassAccounts" or "ServiceAccounts:Ids" or "ServiceAccounts:UserPrincipalNamePatterns" or "ServiceAccounts:EmployeeTypes";

    private static string Sample(string key) => key switch
    {
        "PrivilegedRoles" => "recommended",
        "Remediation:Default" => "alert",
        "Remediation:MaxActionsPerRun" => "5",
        "BreakGlassAccounts" or "WatchedPolicyIds" or "ServiceAccounts:Ids" or "ServiceAccounts:ExclusionGroupId" => "9a3d526c-b3c1-4479-ba74-197b5c5751ae",
        "ServiceAccounts:UserPrincipalNamePatterns" => "svc-*@*",
        _ => "ServiceAccount",
    };

    private static string Format(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AdminMfaWatchdog.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException("no AdminMfaWatchdog.sln above the test output");
    }
}
