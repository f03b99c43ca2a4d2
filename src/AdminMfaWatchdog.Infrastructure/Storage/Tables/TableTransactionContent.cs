using System.Text;
using Azure;
using Azure.Core;

namespace AdminMfaWatchdog.Infrastructure.Storage.Tables;

/// <summary>
/// The body of an entity group transaction: a multipart/mixed batch holding one change set, whose
/// parts are the HTTP requests of the individual actions (absolute URIs, unsigned: the batch is signed).
/// </summary>
internal sealed class TableTransactionContent(TablePipeline pipeline, string tableName)
{
    private const string Newline = "\r\n";

    private readonly string _batchBoundary = $"batch_{Guid.NewGuid():N}";
    private readonly string _changesetBoundary = $"changeset_{Guid.NewGuid():N}";

    public string ContentType => $"multipart/mixed; boundary={_batchBoundary}";

    public BinaryData Write(IReadOnlyList<TableTransactionAction> actions)
    {
        var body = new StringBuilder()
            .Append($"--{_batchBoundary}{Newline}")
            .Append($"Content-Type: multipart/mixed; boundary={_changesetBoundary}{Newline}{Newline}");

        foreach (var action in actions)
        {
            body.Append($"--{_changesetBoundary}{Newline}")
                .Append($"Content-Type: application/http{Newline}")
                .Append($"Content-Transfer-Encoding: binary{Newline}{Newline}");
            AppendRequest(body, action);
        }

        body.Append($"--{_changesetBoundary}--{Newline}")
            .Append($"--{_batchBoundary}--{Newline}");
        return BinaryData.FromString(body.ToString());
    }

    private void AppendRequest(StringBuilder body, TableTransactionAction action)
    {
        var entity = action.Entity;
        var entityUri = pipeline.AbsoluteUri(TableClient.EntityPath(tableName, entity.PartitionKey, entity.RowKey));
        var ifMatch = (action.ETag == default ? ETag.All : action.ETag).ToString("H");

        var (method, uri, condition, sendsEntity) = action.ActionType switch
        {
            TableTransactionActionType.Add => (RequestMethod.Post, pipeline.AbsoluteUri("/" + Uri.EscapeDataString(tableName)), null, true),
            TableTransactionActionType.UpdateMerge => (TableClient.MethodOf(TableUpdateMode.Merge), entityUri, ifMatch, true),
            TableTransactionActionType.UpdateReplace => (TableClient.MethodOf(TableUpdateMode.Replace), entityUri, ifMatch, true),
            TableTransactionActionType.UpsertMerge => (TableClient.MethodOf(TableUpdateMode.Merge), entityUri, null, true),
            TableTransactionActionType.UpsertReplace => (TableClient.MethodOf(TableUpdateMode.Replace), entityUri, null, true),
            TableTransactionActionType.Delete => (RequestMethod.Delete, entityUri, ifMatch, false),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action.ActionType, "Unknown transaction action type."),
        };

        body.Append($"{method.Method} {uri} HTTP/1.1{Newline}")
            .Append($"Accept: application/json;odata=minimalmetadata{Newline}")
            .Append($"DataServiceVersion: 3.0{Newline}");
        if (condition is not null)
        {
            body.Append($"If-Match: {condition}{Newline}");
        }

        if (!sendsEntity)
        {
            body.Append(Newline);
            return;
        }

        body.Append($"Content-Type: {TablePipeline.JsonContentType}{Newline}")
            .Append($"Prefer: return-no-content{Newline}{Newline}")
            .Append(TableEntityJson.Serialize(entity).ToString())
            .Append(Newline);
    }
}
