using System.IO.Compression;
using AdminMfaWatchdog.Core.Alerts;
using AdminMfaWatchdog.Core.Ports;
using AdminMfaWatchdog.Infrastructure.Storage.Tables;

namespace AdminMfaWatchdog.Infrastructure.Alerts.Outbox;

/// <summary>
/// A WatchdogOutbox row: one batch waiting for one channel. PartitionKey tenant id, RowKey
/// "{batchId}_{channel}"; BatchId, Channel, Kind, ItemCount, EnqueuedAt, State (pending | dead), Attempts,
/// NextAttemptAt, LastStatus and LastError (after a failure; never a URL's secret), and the batch as
/// gzip-compressed <see cref="AlertBatchJson"/> in Payload0..PayloadN (a binary property holds 64 KiB).
/// </summary>
internal static class OutboxRow
{
    public const string Pending = "pending";
    public const string Dead = "dead";

    /// <summary>A tenant's row recording its last digest, so a day gets one.</summary>
    public const string DigestMarkerKey = "~digest";

    private const int PartBytes = 64 * 1024;

    // The Table service takes 1 MiB per entity: leave room for the other properties.
    private const int MaxParts = 15;

    public static string PartitionKeyOf(string tenantId) => tenantId;

    public static string RowKeyOf(string batchId, string channel) => $"{batchId}_{channel}";

    public static TableEntity ToEntity(AlertBatch batch, string channel, DateTimeOffset now)
    {
        var entity = new TableEntity(PartitionKeyOf(batch.TenantId), RowKeyOf(batch.BatchId, channel))
        {
            ["BatchId"] = batch.BatchId,
            ["Channel"] = channel,
            ["Kind"] = batch.Kind.ToString(),
            ["ItemCount"] = batch.Items.Count,
            ["EnqueuedAt"] = now,
            ["State"] = Pending,
            ["Attempts"] = 0,
            ["NextAttemptAt"] = now,
        };
        var parts = Compress(AlertBatchJson.SerializeToUtf8Bytes(batch)).Chunk(PartBytes).ToList();
        if (parts.Count > MaxParts)
            throw new AlertOutboxException($"Alert batch {batch.BatchId} ({batch.Items.Count} items) does not fit in one outbox row even compressed.");
        entity["PayloadParts"] = parts.Count;
        for (var i = 0; i < parts.Count; i++) entity[$"Payload{i}"] = parts[i];
        return entity;
    }

    /// <exception cref="InvalidDataException">The payload is missing or unreadable.</exception>
    public static AlertBatch BatchOf(TableEntity row)
    {
        var count = row.GetInt32("PayloadParts") ?? throw new InvalidDataException("The row has no payload.");
        using var compressed = new MemoryStream();
        for (var i = 0; i < count; i++)
            compressed.Write(row.GetBinary($"Payload{i}") ?? throw new InvalidDataException($"Payload part {i} is missing."));
        compressed.Position = 0;
        using var json = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionMode.Decompress)) gzip.CopyTo(json);
        try
        {
            return AlertBatchJson.Deserialize(json.ToArray());
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new InvalidDataException($"The payload is not an alert batch: {ex.Message}");
        }
    }

    private static byte[] Compress(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal)) gzip.Write(data);
        return output.ToArray();
    }
}
