using AdminMfaWatchdog.Infrastructure.Storage.Tables;

namespace AdminMfaWatchdog.Infrastructure.Storage;

/// <summary>
/// An Azure Storage connection string, parsed once for every service client of the project (tables,
/// queues): the account's Shared Key credential and each service's endpoint, explicit
/// (<c>TableEndpoint</c>, <c>QueueEndpoint</c>) or derived from <c>DefaultEndpointsProtocol</c> +
/// <c>AccountName</c> + <c>EndpointSuffix</c>; or <c>UseDevelopmentStorage=true</c> for Azurite.
/// Every endpoint is checked whichever service asks, so validating the setting once validates it for all.
/// </summary>
internal sealed class StorageConnectionString
{
    // Azurite's and the old storage emulator's published development account: not a secret.
    internal const string DevelopmentAccountName = "devstoreaccount1";
    internal const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly Uri DevelopmentTableEndpoint = new("http://127.0.0.1:10002/devstoreaccount1");
    private static readonly Uri DevelopmentQueueEndpoint = new("http://127.0.0.1:10001/devstoreaccount1");

    private StorageConnectionString(TableSharedKeyCredential credential, Uri tableEndpoint, Uri queueEndpoint)
    {
        Credential = credential;
        TableEndpoint = tableEndpoint;
        QueueEndpoint = queueEndpoint;
    }

    public TableSharedKeyCredential Credential { get; }

    public Uri TableEndpoint { get; }

    public Uri QueueEndpoint { get; }

    /// <exception cref="InvalidConnectionStringException">The value cannot be used; the message names <paramref name="settingName"/>.</exception>
    public static StorageConnectionString Parse(string? connectionString, string settingName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(settingName);
        var settings = SplitSettings(connectionString, settingName);

        if (settings.TryGetValue("UseDevelopmentStorage", out var useDevelopment))
        {
            return bool.TryParse(useDevelopment, out var isTrue) && isTrue
                ? new StorageConnectionString(
                    new(DevelopmentAccountName, DevelopmentAccountKey), DevelopmentTableEndpoint, DevelopmentQueueEndpoint)
                : throw new InvalidConnectionStringException(settingName, "UseDevelopmentStorage must be 'true' when present.");
        }

        if (settings.ContainsKey("SharedAccessSignature") && !settings.ContainsKey("AccountKey"))
        {
            throw new InvalidConnectionStringException(settingName,
                "shared access signatures are not supported; use AccountName and AccountKey, or a service URI with a managed identity.");
        }

        var accountName = Require(settings, "AccountName", settingName);
        var accountKey = Require(settings, "AccountKey", settingName);
        if (!TableSharedKeyCredential.IsValidKey(accountKey))
        {
            throw new InvalidConnectionStringException(settingName, "AccountKey is not valid base64.");
        }

        return new StorageConnectionString(
            new(accountName, accountKey),
            EndpointOf("Table", settings, accountName, settingName),
            EndpointOf("Queue", settings, accountName, settingName));
    }

    private static Dictionary<string, string> SplitSettings(string? connectionString, string settingName)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidConnectionStringException(settingName, "it is empty.");
        }

        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Split on the first '=' only: base64 keys end with '=' padding.
            var separator = segment.IndexOf('=');
            var name = separator > 0 ? segment[..separator].Trim() : string.Empty;
            if (name.Length == 0 || !name.All(char.IsAsciiLetter))
            {
                throw new InvalidConnectionStringException(settingName, "expected Name=value pairs separated by ';'.");
            }

            settings[name] = segment[(separator + 1)..].Trim();
        }

        return settings;
    }

    private static string Require(Dictionary<string, string> settings, string name, string settingName) =>
        settings.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new InvalidConnectionStringException(settingName, $"{name} is missing.");

    /// <param name="service">"Table" or "Queue": the prefix of the explicit endpoint setting.</param>
    private static Uri EndpointOf(string service, Dictionary<string, string> settings, string accountName, string settingName)
    {
        if (settings.TryGetValue($"{service}Endpoint", out var explicitEndpoint))
        {
            return IsHttpUri(explicitEndpoint, out var endpoint)
                ? endpoint
                : throw new InvalidConnectionStringException(settingName, $"{service}Endpoint is not an absolute http or https URI.");
        }

        var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https").ToLowerInvariant();
        if (protocol is not ("https" or "http"))
        {
            throw new InvalidConnectionStringException(settingName, "DefaultEndpointsProtocol must be https or http.");
        }

        var suffix = settings.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        return IsHttpUri($"{protocol}://{accountName}.{service.ToLowerInvariant()}.{suffix}", out var derived)
            ? derived
            : throw new InvalidConnectionStringException(settingName, "AccountName and EndpointSuffix do not form a valid host name.");
    }

    private static bool IsHttpUri(string value, out Uri uri) =>
        Uri.TryCreate(value, UriKind.Absolute, out uri!) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
