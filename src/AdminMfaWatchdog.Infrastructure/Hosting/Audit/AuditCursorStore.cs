using System.Text.Json;
using AdminMfaWatchdog.Infrastructure.Storage.Tables;

namespace AdminMfaWatchdog.Infrastructure.Hosting.Audit;

/// <summary>Where the audit poller has read up to, and the entries it has already seen near that point.</summary>
public sealed record AuditCursor(DateTimeOffset ReadUpTo, IReadOnlyList<string> SeenIds);

/// <summary>The table <c>WatchdogAuditCursor</c>: one row, so every instance continues where the last poll stopped.</summary>
public sealed class AuditCursorStore(TableServiceClient service, string tableName = AuditCursorStore.DefaultTableName)
{
    public const string DefaultTableName = "WatchdogAuditCursor";

    private const string Partition = "directoryAudits";
    private const string Row = "cursor";

    private readonly TableClient _table = service.GetTableClient(tableName);
    private volatile bool _created;

    public async Task<AuditCursor?> GetAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var row = await _table.GetEntityIfExistsAsync(Partition, Row, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!row.HasValue || row.Value!.GetDateTimeOffset("ReadUpTo") is not { } readUpTo) return null;
        var seen = JsonSerializer.Deserialize<List<string>>(row.Value.GetString("SeenIds") ?? "[]") ?? [];
        return new AuditCursor(readUpTo, seen);
    }

    public async Task SaveAsync(AuditCursor cursor, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await _table.UpsertEntityAsync(new TableEntity(Partition, Row)
        {
            ["ReadUpTo"] = cursor.ReadUpTo,
            ["SeenIds"] = JsonSerializer.Serialize(cursor.SeenIds),
        }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    private async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_created) return;
        await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        _created = true;
    }
}
