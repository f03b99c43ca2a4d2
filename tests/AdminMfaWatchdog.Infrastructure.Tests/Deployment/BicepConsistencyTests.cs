using System.Text.RegularExpressions;

namespace AdminMfaWatchdog.Infrastructure.Tests.Deployment;

/// <summary>
/// infra/ agrees with the code and the docs: every app setting the deployment sets is a setting the
/// watchdog reads (docs/configuration.md, which ConfigurationDocsTests ties to the options classes)
/// or one the Functions runtime reads, with a name Azure accepts; secrets arrive as Key Vault
/// references; every module file exists. Compiling the Bicep is CI's job (az bicep build).
/// </summary>
public sealed partial class BicepConsistencyTests
{
    /// <summary>Settings of the Functions runtime itself, not of the watchdog.</summary>
    private static readonly string[] RuntimeSettings =
    [
        "AzureWebJobsStorage__accountName", // the host's storage, reached with the managed identity
        "AzureWebJobsStorage__credential",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
    ];

    /// <summary>Settings the Flex Consumption plan rejects or ignores (it has functionAppConfig), or that would need shared keys.</summary>
    private static readonly string[] NotOnFlexConsumption =
    [
        "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE",
        "WEBSITE_CONTENTSHARE", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "AzureWebJobsStorage",
    ];

    private static readonly string ConfigurationDocs = RepositoryFiles.Read("docs", "configuration.md");

    public static TheoryData<string> WatchdogSettingNames() =>
        new(BicepTemplate.AppSettings().Select(s => s.Name).Where(n => !RuntimeSettings.Contains(n)));

    [Fact]
    public void Main_bicep_sets_the_app_settings_a_watchdog_needs()
    {
        var names = BicepTemplate.AppSettings().Select(s => s.Name).ToArray();

        Assert.Superset(
            new HashSet<string>(["Graph__TenantId", "Storage__TableServiceUri", "Storage__QueueServiceUri", "Watchdog__ScanSchedule",
                "Notifications__ClientState", "Notifications__PublicBaseUrl", ..RuntimeSettings]),
            new HashSet<string>(names));
        Assert.Empty(names.Intersect(NotOnFlexConsumption));
        Assert.Equal(names.Length, names.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(WatchdogSettingNames))]
    public void Every_watchdog_app_setting_is_a_documented_setting(string appSetting)
    {
        var documented = DocumentedSettings().ToArray();

        Assert.True(documented.Any(setting => Names(appSetting, setting)),
            $"{appSetting} is not a setting of docs/configuration.md");
    }

    [Theory]
    [MemberData(nameof(WatchdogSettingNames))]
    public void Every_app_setting_name_is_one_Azure_accepts(string appSetting)
    {
        // Letters, digits, '.' and '_' only. An interpolation may only put in a list index or a rule id
        // whose '-' became '_': anything else could bring in a character Azure refuses.
        Assert.Matches("^[A-Za-z0-9._]+$", BicepTemplate.WithoutInterpolations(appSetting, "0"));
        Assert.All(BicepTemplate.Interpolations(appSetting), i => Assert.Matches(@"^\$\{(i|replace\([\w.]+, '-', '_'\))\}$", i));
    }

    [Theory]
    [InlineData("Notifications__ClientState", "clientStateUri")]
    [InlineData("Alerts__Teams__WebhookUrl", "teamsWebhookUri")]
    [InlineData("Alerts__Webhook__Url", "webhookUri")]
    public void Secrets_are_key_vault_references_never_values(string appSetting, string keyVaultOutput)
    {
        var setting = Assert.Single(BicepTemplate.AppSettings(), s => s.Name == appSetting);

        Assert.Equal($"'@Microsoft.KeyVault(SecretUri=${{keyVault.outputs.{keyVaultOutput}}})'", setting.Value);
    }

    [Fact]
    public void Every_module_a_template_references_exists()
    {
        var references = BicepTemplate.ModuleReferences().ToArray();

        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(r.File)!, r.ModulePath)), $"{r.File}: {r.ModulePath}"));
    }

    [Fact]
    public void The_default_scan_schedule_is_the_documented_one()
    {
        var main = File.ReadAllText(Path.Combine(BicepTemplate.Directory, "main.bicep"));

        Assert.Contains("param scanSchedule string = '0 */15 * * * *'", main, StringComparison.Ordinal);
        Assert.Contains("| `Watchdog:ScanSchedule` | `0 */15 * * * *` |", ConfigurationDocs, StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether an app setting ("Watchdog__BreakGlassAccounts__${i}") sets a documented setting
    /// ("Watchdog:BreakGlassAccounts"): segment by segment, where a documented &lt;placeholder&gt; takes
    /// any segment and an interpolated last segment may be a list index.
    /// </summary>
    private static bool Names(string appSetting, string documented)
    {
        var actual = appSetting.Split("__");
        var expected = documented.Split(':');
        if (actual.Length == expected.Length + 1 && actual[^1].StartsWith("${", StringComparison.Ordinal)) actual = actual[..^1];
        return actual.Length == expected.Length && actual.Zip(expected).All(p =>
            p.Second.StartsWith('<') ? p.First.Length > 0 : string.Equals(p.First, p.Second, StringComparison.Ordinal));
    }

    private static IEnumerable<string> DocumentedSettings() =>
        SettingName().Matches(ConfigurationDocs).Select(m => m.Groups[1].Value).Distinct();

    [GeneratedRegex(@"`((?:Graph|Storage|Alerts|Notifications|Watchdog|Host)(?::[A-Za-z<>\-]+)+)`")]
    private static partial Regex SettingName();
}
