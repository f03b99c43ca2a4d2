using System.Security.Cryptography;
using System.Text;
using AdminMfaWatchdog.Infrastructure.Graph;
using AdminMfaWatchdog.Infrastructure.Storage.Tables;

namespace AdminMfaWatchdog.Infrastructure.Hosting.Subscriptions;

/// <summary>A subscription the watchdog made, and a hash of the client state it was made with (never the secret itself).</summary>
public sealed record StoredSubscription(GraphSubscription Subscription, string ClientStateHash);

/// <summary>
/// The table <c>WatchdogSubscriptions</c>: one row per subscription the watchdog keeps (RowKey: its id;
/// Resource, ExpiresAt, ClientStateHash), so every instance renews the same subscriptions and a rotated
/// client state is noticed.
/// </summary>
public sealed class SubscriptionStore(TableServiceClient service, string tableName = SubscriptionStore.DefaultTableName)
{
    public const string DefaultTableName = "WatchdogSubscriptions";

    private const string Partition = "subscription";

    private readonly TableClient _table = service.GetTableClient(tableName);
    private volatile bool _created;

    public static string HashOf(string clientState) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(clientState)));

    public async Task<IReadOnlyList<StoredSubscription>> ListAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<StoredSubscription>();
        await foreach (var entity in _table.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new StoredSubscription(
                new GraphSubscription(entity.RowKey, entity.GetString("Resource") ?? string.Empty, entity.GetDateTimeOffset("ExpiresAt") ?? DateTimeOffset.MinValue),
                entity.GetString("ClientStateHash") ?? string.Empty));
        }
        return rows;
    }

    public async Task SaveAsync(GraphSubscription subscription, string clientStateHash, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await _table.UpsertEntityAsync(new TableEntity(Partition, subscription.Id)
        {
            ["Resource"] = subscription.Resource,
            ["ExpiresAt"] = subscription.ExpiresAt,
            ["ClientStateHash"] = clientStateHash,
        }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task RemoveAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _table.DeleteEntityAsync(Partition, subscriptionId, Azure.ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (Azure.RequestFailedException gone) when (gone.Status == 404)
        {
            // Already removed by another instance.
        }
    }

    private async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_created) return;
        await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        _created = true;
    }
}
