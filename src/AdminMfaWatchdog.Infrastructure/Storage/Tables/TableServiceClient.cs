using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AdminMfaWatchdog.Infrastructure.Storage.Tables;

/// <summary>
/// The table service of one storage account. Mirrors Azure.Data.Tables' TableServiceClient, so the
/// project can switch to that package where it is available.
/// </summary>
public class TableServiceClient
{
    private const string StorageScope = "https://storage.azure.com/.default";

    private readonly TablePipeline _pipeline = null!;

    /// <summary>For mocking.</summary>
    protected TableServiceClient()
    {
    }

    /// <summary>Shared Key authorization from a connection string (<c>UseDevelopmentStorage=true</c> included).</summary>
    /// <exception cref="InvalidConnectionStringException">The connection string cannot be used.</exception>
    /// <remarks>To name the app setting in errors, parse it with <see cref="TableConnectionString.Parse"/> and use the endpoint constructor.</remarks>
    public TableServiceClient(string connectionString, TableClientOptions? options = null)
        : this(TableConnectionString.Parse(connectionString, nameof(connectionString)), options)
    {
    }

    /// <summary>Shared Key authorization: every request signed with the account key.</summary>
    public TableServiceClient(Uri endpoint, TableSharedKeyCredential credential, TableClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        _pipeline = new TablePipeline(endpoint, options, new TableSharedKeyPolicy(credential));
    }

    /// <summary>Microsoft Entra authorization (e.g. a managed identity) with a bearer token for Azure Storage.</summary>
    public TableServiceClient(Uri endpoint, TokenCredential tokenCredential, TableClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tokenCredential);
        // x-ms-date first: the bearer policy does not stamp it, and Azure Storage requires it.
        _pipeline = new TablePipeline(endpoint, options,
            new TableRequestDatePolicy(), new BearerTokenAuthenticationPolicy(tokenCredential, StorageScope));
    }

    private TableServiceClient(TableConnectionString connectionString, TableClientOptions? options)
        : this(connectionString.TableEndpoint, connectionString.Credential, options)
    {
    }

    /// <summary>The table service endpoint.</summary>
    public virtual Uri Uri => _pipeline.Endpoint;

    public virtual TableClient GetTableClient(string tableName) => new(_pipeline, tableName);

    /// <summary>Creates the table; succeeds without change when it already exists.</summary>
    public virtual Task<Response<TableItem>> CreateTableIfNotExistsAsync(string tableName, CancellationToken cancellationToken = default) =>
        TableOperations.CreateIfNotExistsAsync(_pipeline, tableName, cancellationToken);

    /// <summary>Deletes the table and everything in it; succeeds when it does not exist.</summary>
    public virtual Task<Response> DeleteTableAsync(string tableName, CancellationToken cancellationToken = default) =>
        TableOperations.DeleteAsync(_pipeline, tableName, cancellationToken);
}
