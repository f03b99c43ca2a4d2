using Azure;

namespace AdminMfaWatchdog.Infrastructure.Storage.Tables;

/// <summary>What a transaction action does to its entity.</summary>
public enum TableTransactionActionType
{
    Add,
    UpdateMerge,
    UpdateReplace,
    Delete,
    UpsertMerge,
    UpsertReplace,
}

/// <summary>
/// One operation of an entity group transaction. <paramref name="etag"/> is the If-Match condition of
/// an update or delete; left at its default it matches any stored version.
/// </summary>
public sealed class TableTransactionAction(TableTransactionActionType actionType, TableEntity entity, ETag etag = default)
{
    public TableTransactionActionType ActionType { get; } = actionType;

    public TableEntity Entity { get; } = entity ?? throw new ArgumentNullException(nameof(entity));

    public ETag ETag { get; } = etag;
}
