namespace AdminMfaWatchdog.Infrastructure.Storage.Tables;

/// <summary>
/// The table endpoint and Shared Key credential of an Azure Storage connection string
/// (<c>AccountName</c>, <c>AccountKey</c>, <c>TableEndpoint</c> or <c>DefaultEndpointsProtocol</c> +
/// <c>EndpointSuffix</c>; or <c>UseDevelopmentStorage=true</c> for Azurite's well-known account).
/// </summary>
public sealed class TableConnectionString
{
    // Azurite's and the old storage emulator's published development account: not a secret.
    /// <summary>Azurite's well-known development account (published, not a secret): what UseDevelopmentStorage=true means.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    internal static readonly Uri DevelopmentTableEndpoint = new("http://127.0.0.1:10002/devstoreaccount1");

    private TableConnectionString(Uri tableEndpoint, TableSharedKeyCredential credential)
    {
        TableEndpoint = tableEndpoint;
        Credential = credential;
    }

    public Uri TableEndpoint { get; }

    public TableSharedKeyCredential Credential { get; }

    /// <summary>Parses <paramref name="connectionString"/>, read from the setting <paramref name="settingName"/>.</summary>
    /// <exception cref="InvalidConnectionStringException">The value cannot be used; the message names <paramref name="settingName"/>.</exception>
    public static TableConnectionString Parse(string? connectionString, string settingName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(settingName);
        var settings = SplitSettings(connectionString, settingName);

        if (settings.TryGetValue("UseDevelopmentStorage", out var useDevelopment))
        {
            return bool.TryParse(useDevelopment, out var isTrue) && isTrue
                ? new TableConnectionString(DevelopmentTableEndpoint, new(DevelopmentAccountName, DevelopmentAccountKey))
                : throw new InvalidConnectionStringException(settingName, "UseDevelopmentStorage must be 'true' when present.");
        }

        if (settings.ContainsKey("SharedAccessSignature") && !settings.ContainsKey("AccountKey"))
        {
            throw new InvalidConnectionStringException(settingName,
                "shared access signatures are not supported; use AccountName and AccountKey, or a table service URI with a managed identity.");
        }

        var accountName = Require(settings, "AccountName", settingName);
        var accountKey = Require(settings, "AccountKey", settingName);
        if (!TableSharedKeyCredential.IsValidKey(accountKey))
        {
            throw new InvalidConnectionStringException(settingName, "AccountKey is not valid base64.");
        }

        return new TableConnectionString(TableEndpointOf(settings, accountName, settingName), new(accountName, accountKey));
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

    private static Uri TableEndpointOf(Dictionary<string, string> settings, string accountName, string settingName)
    {
        if (settings.TryGetValue("TableEndpoint", out var explicitEndpoint))
        {
            return IsHttpUri(explicitEndpoint, out var endpoint)
                ? endpoint
                : throw new InvalidConnectionStringException(settingName, "TableEndpoint is not an absolute http or https URI.");
        }

        var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https").ToLowerInvariant();
        if (protocol is not ("https" or "http"))
        {
            throw new InvalidConnectionStringException(settingName, "DefaultEndpointsProtocol must be https or http.");
        }

        var suffix = settings.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        return IsHttpUri($"{protocol}://{accountName}.table.{suffix}", out var derived)
            ? derived
            : throw new InvalidConnectionStringException(settingName, "AccountName and EndpointSuffix do not form a valid host name.");
    }

    private static bool IsHttpUri(string value, out Uri uri) =>
        Uri.TryCreate(value, UriKind.Absolute, out uri!) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
