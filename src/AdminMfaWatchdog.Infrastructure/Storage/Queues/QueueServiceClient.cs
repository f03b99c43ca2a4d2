using AdminMfaWatchdog.Infrastructure.Storage.Tables;
using Azure.Core;

namespace AdminMfaWatchdog.Infrastructure.Storage.Queues;

/// <summary>
/// The queue service of one storage account. Mirrors Azure.Storage.Queues' QueueServiceClient, which does
/// not restore from this project's package registry, so the project can switch to it where it does.
/// </summary>
public sealed class QueueServiceClient
{
    private readonly QueuePipeline _pipeline;

    /// <summary>Shared Key authorization from a connection string (<c>UseDevelopmentStorage=true</c> included).</summary>
    /// <exception cref="InvalidConnectionStringException">The connection string cannot be used; the message never quotes it.</exception>
    /// <remarks>To name the app setting in errors, validate it first with <see cref="TableConnectionString.Parse"/>: the same parser checks <c>QueueEndpoint</c> too.</remarks>
    public QueueServiceClient(string connectionString, QueueClientOptions? options = null)
    {
        var parsed = StorageConnectionString.Parse(connectionString, nameof(connectionString));
        _pipeline = new QueuePipeline(parsed.QueueEndpoint, options, new QueueSharedKeyPolicy(parsed.Credential));
    }

    /// <summary>Microsoft Entra authorization (e.g. a managed identity) with a bearer token for Azure Storage.</summary>
    /// <exception cref="ArgumentException"><paramref name="serviceUri"/> is neither https nor http to a loopback address: a token must not cross a network in clear.</exception>
    public QueueServiceClient(Uri serviceUri, TokenCredential credential, QueueClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(serviceUri);
        ArgumentNullException.ThrowIfNull(credential);
        if (!serviceUri.IsAbsoluteUri || !StorageBearerTokenPolicy.AcceptsTokens(serviceUri))
        {
            throw new ArgumentException("A queue service reached with a token must be an https URI (http only to a loopback address).", nameof(serviceUri));
        }

        // x-ms-date first: the bearer policy does not stamp it, and Azure Storage requires it.
        _pipeline = new QueuePipeline(serviceUri, options, new TableRequestDatePolicy(), new StorageBearerTokenPolicy(credential));
    }

    /// <summary>The queue service endpoint.</summary>
    public Uri Uri => _pipeline.Endpoint;

    /// <exception cref="ArgumentException"><paramref name="queueName"/> is not a valid queue name.</exception>
    public QueueClient GetQueueClient(string queueName) => new(_pipeline, queueName);
}
