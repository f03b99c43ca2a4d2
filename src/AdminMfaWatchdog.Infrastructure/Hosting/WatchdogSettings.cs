using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdminMfaWatchdog.Core.Alerts;
using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Core.Json;
using AdminMfaWatchdog.Core.Ports;
using AdminMfaWatchdog.Infrastructure.Alerts;
using AdminMfaWatchdog.Infrastructure.Alerts.Outbox;
using AdminMfaWatchdog.Infrastructure.Graph;
using AdminMfaWatchdog.Infrastructure.Hosting.Changes;
using AdminMfaWatchdog.Infrastructure.Storage.Queues;
using AdminMfaWatchdog.Infrastructure.Storage.Ledger;
using AdminMfaWatchdog.Infrastructure.Storage.Tables;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Graph;

namespace AdminMfaWatchdog.Infrastructure.Hosting;

/// <summary>
/// Reads the settings every host shares (DESIGN.md "Settings"): the <c>Graph</c> section, and the
/// configuration contract from the <c>Watchdog</c> section. Unknown keys are errors here too: a
/// mistyped setting must not silently fall back to a default.
/// </summary>
public static class WatchdogSettings
{
    /// <summary>Settings of the Watchdog section that belong to the hosts, not to the configuration contract.</summary>
    private static readonly string[] HostSettings = ["ScanSchedule", "ScanInterval"];

    public static GraphOptions Graph(IConfiguration configuration)
    {
        return StrictBinding.Bind<GraphOptions>(configuration, "Graph", problem => new GraphConfigurationException("Graph", problem));
    }

    /// <summary>
    /// The findings ledger: <c>Storage:ConnectionString</c> (SharedKey, <c>UseDevelopmentStorage=true</c>),
    /// else <c>Storage:TableServiceUri</c> with managed identity; null when neither is set.
    /// </summary>
    public static IFindingStore? Ledger(IConfiguration configuration) =>
        TableService(configuration) is { } service ? new TableFindingStore(service) : null;

    /// <summary>
    /// The alert step, when any channel is configured (<c>Alerts:*</c>). Alerts wait in an outbox in
    /// the ledger's storage until delivered, so channels without storage are a settings error.
    /// </summary>
    /// <param name="graph">sends email alerts; the reader's client, so it shares its retry layer.</param>
    public static AlertNotifier? Alerts(IConfiguration configuration, GraphServiceClient? graph)
    {
        var options = AlertsSettings.Read(configuration);
        var channels = AlertsSettings.Channels(options, graph);
        if (channels.Count == 0) return null;
        var service = TableService(configuration)
            ?? throw new SettingsException("Alerts", "alert channels need storage for their outbox: set Storage:ConnectionString or Storage:TableServiceUri (--store)");
        return new AlertNotifier(new TableAlertOutbox(service, channels), AlertsSettings.Policy(options));
    }

    /// <summary>
    /// The change queue: <c>Storage:ConnectionString</c>, else <c>Storage:QueueServiceUri</c> with managed
    /// identity; null when neither is set.
    /// </summary>
    public static ChangeQueue? ChangeQueue(IConfiguration configuration)
    {
        if (configuration["Storage:ConnectionString"] is { Length: > 0 } connectionString)
            return new ChangeQueue(new QueueServiceClient(connectionString));
        if (configuration["Storage:QueueServiceUri"] is not { Length: > 0 } serviceUri) return null;
        if (!Uri.TryCreate(serviceUri, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            throw new SettingsException("Storage:QueueServiceUri", "must be the absolute https URL of the queue service");
        return new ChangeQueue(new QueueServiceClient(uri, new DefaultAzureCredential()));
    }

    /// <summary>The table service of the storage settings; null when none are set.</summary>
    internal static TableServiceClient? TableService(IConfiguration configuration)
    {
        if (configuration["Storage:ConnectionString"] is { Length: > 0 } connectionString)
        {
            var parsed = TableConnectionString.Parse(connectionString, "Storage:ConnectionString");
            return new TableServiceClient(parsed.TableEndpoint, parsed.Credential);
        }
        if (configuration["Storage:TableServiceUri"] is not { Length: > 0 } serviceUri) return null;
        if (!Uri.TryCreate(serviceUri, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            throw new SettingsException("Storage:TableServiceUri", "must be the absolute https URL of the table service");
        return new TableServiceClient(uri, new DefaultAzureCredential());
    }

    /// <summary>True when a tenant is configured: any Graph setting is present.</summary>
    public static bool IsGraphConfigured(IConfiguration configuration) =>
        configuration.GetSection("Graph").GetChildren().Any(setting => !string.IsNullOrEmpty(setting.Value));

    /// <summary>The configuration contract from the Watchdog section, or null when the section has none of it.</summary>
    public static WatchdogConfig? Watchdog(IConfiguration configuration)
    {
        var section = configuration.GetSection("Watchdog");
        var json = new JsonObject();
        foreach (var child in section.GetChildren().Where(c => !HostSettings.Contains(c.Key, StringComparer.OrdinalIgnoreCase)))
            json[ContractName(child.Key)] = ToJson(child);
        if (json.Count == 0) return null;
        using var document = JsonDocument.Parse(json.ToJsonString());
        return ConfigJson.Read(new JsonCursor(document.RootElement, "settings (Watchdog section)", "$"));
    }

    /// <summary>Settings keys are case-insensitive (environment variables are often upper case); the contract is camelCase.</summary>
    private static string ContractName(string key) => char.ToLowerInvariant(key[0]) + key[1..];

    /// <summary>
    /// A settings section back to JSON: children named 0, 1, 2... are an array (that is how JSON files
    /// and environment variables express one); "true"/"false" and whole numbers regain their type.
    /// </summary>
    private static JsonNode? ToJson(IConfigurationSection section)
    {
        var children = section.GetChildren().ToArray();
        if (children.Length == 0)
        {
            return section.Value switch
            {
                null => new JsonArray(),
                "true" or "True" => JsonValue.Create(true),
                "false" or "False" => JsonValue.Create(false),
                var text when int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
                var text => JsonValue.Create(text),
            };
        }
        if (children.All(c => int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            return new JsonArray(children.OrderBy(c => int.Parse(c.Key, CultureInfo.InvariantCulture)).Select(ToJson).ToArray());
        var obj = new JsonObject();
        // Rule ids are kebab-case keys, not property names: keep them as written.
        foreach (var child in children) obj[string.Equals(section.Key, "rules", StringComparison.OrdinalIgnoreCase) ? RuleId(child.Key) : ContractName(child.Key)] = ToJson(child);
        return obj;
    }

    /// <summary>
    /// App setting names in Azure can hold only letters, digits, periods and underscores, so a rule id
    /// (<c>policy-not-enabled</c>) can also be written with underscores (<c>policy_not_enabled</c>).
    /// </summary>
    private static string RuleId(string key) => key.Replace('_', '-');
}

/// <summary>A setting that cannot work; the message names the setting, never its value.</summary>
public sealed class SettingsException(string setting, string problem) : Exception($"{setting}: {problem}");
