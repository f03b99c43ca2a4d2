namespace AdminMfaWatchdog.Infrastructure.Storage.Tables;

/// <summary>
/// The table endpoint and Shared Key credential of an Azure Storage connection string
/// (<c>AccountName</c>, <c>AccountKey</c>, <c>TableEndpoint</c> or <c>DefaultEndpointsProtocol</c> +
/// <c>EndpointSuffix</c>; or <c>UseDevelopmentStorage=true</c> for Azurite's well-known account).
/// The parsing is shared with the queue client (<see cref="StorageConnectionString"/>).
/// </summary>
public sealed class TableConnectionString
{
    /// <summary>Azurite's well-known development account (published, not a secret): what UseDevelopmentStorage=true means.</summary>
    public const string DevelopmentAccountName = StorageConnectionString.DevelopmentAccountName;
    public const string DevelopmentAccountKey = StorageConnectionString.DevelopmentAccountKey;

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
        var parsed = StorageConnectionString.Parse(connectionString, settingName);
        return new TableConnectionString(parsed.TableEndpoint, parsed.Credential);
    }
}
