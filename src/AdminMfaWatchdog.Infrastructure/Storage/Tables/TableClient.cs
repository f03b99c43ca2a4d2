using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Core;

namespace AdminMfaWatchdog.Infrastructure.Storage.Tables;

/// <summary>
/// One table: create, read, query, write and delete its entities. Mirrors Azure.Data.Tables'
/// TableClient (with <see cref="TableEntity"/> in place of its generic entity parameter).
/// Get one from <see cref="TableServiceClient.GetTableClient"/>.
/// </summary>
public partial class TableClient
{
    private static readonly RequestMethod Merge = new("MERGE");

    private readonly TablePipeline _pipeline = null!;

    /// <summary>For mocking.</summary>
    protected TableClient()
    {
        Name = string.Empty;
    }

    internal TableClient(TablePipeline pipeline, string tableName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        _pipeline = pipeline;
        Name = tableName;
    }

    public virtual string Name { get; }

    /// <summary>An OData filter with every interpolated value written as an escaped literal of its type.</summary>
    public static string CreateQueryFilter(FormattableString filter) => TableQueryFilter.Create(filter);

    /// <summary>Creates the table; succeeds without change when it already exists.</summary>
    public virtual Task<Response<TableItem>> CreateIfNotExistsAsync(CancellationToken cancellationToken = default) =>
        TableOperations.CreateIfNotExistsAsync(_pipeline, Name, cancellationToken);

    /// <summary>Deletes the table and everything in it; succeeds when it does not exist.</summary>
    public virtual Task<Response> DeleteAsync(CancellationToken cancellationToken = default) =>
        TableOperations.DeleteAsync(_pipeline, Name, cancellationToken);

    /// <exception cref="RequestFailedException">409 <see cref="TableErrorCode.EntityAlreadyExists"/> when the keys are taken.</exception>
    public virtual async Task<Response> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        using var message = _pipeline.CreateMessage(RequestMethod.Post, "/" + Uri.EscapeDataString(Name));
        SetEntityContent(message.Request, entity);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        return await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <exception cref="RequestFailedException">404 <see cref="TableErrorCode.ResourceNotFound"/> when there is no such entity.</exception>
    public virtual async Task<Response<TableEntity>> GetEntityAsync(
        string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        using var message = CreateGetEntityMessage(partitionKey, rowKey, select);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(ReadEntity(response), response);
    }

    /// <summary>The entity, or a response without value when there is no such entity.</summary>
    public virtual async Task<NullableResponse<TableEntity>> GetEntityIfExistsAsync(
        string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        using var message = CreateGetEntityMessage(partitionKey, rowKey, select);
        var response = await SendToleratingMissingEntityAsync(message, cancellationToken).ConfigureAwait(false);
        return new TableNullableResponse<TableEntity>(response.Status == 404 ? null : ReadEntity(response), response);
    }

    /// <summary>
    /// The entities matching <paramref name="filter"/> (OData; see <see cref="CreateQueryFilter"/>), fetched
    /// page by page (the service returns at most 1,000 per page) as the caller enumerates.
    /// With <paramref name="select"/>, only the named properties come back: name PartitionKey and RowKey too to get them.
    /// </summary>
    public virtual AsyncPageable<TableEntity> QueryAsync(
        string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        if (maxPerPage is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPerPage), maxPerPage, "The Table service returns 1 to 1,000 entities per page.");
        }

        var selectList = select is null ? null : string.Join(',', select);
        return new TableEntityPageable(
            (continuation, pageSize, token) => QueryPageAsync(filter, selectList, continuation, pageSize ?? maxPerPage, token),
            cancellationToken);
    }

    /// <summary>Inserts the entity, or updates it unconditionally when it exists.</summary>
    public virtual async Task<Response> UpsertEntityAsync(
        TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        using var message = _pipeline.CreateMessage(MethodOf(mode), EntityPath(Name, entity.PartitionKey, entity.RowKey));
        SetEntityContent(message.Request, entity);
        return await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Updates the entity if its stored version is <paramref name="ifMatch"/> (<see cref="ETag.All"/>: any version).</summary>
    /// <exception cref="RequestFailedException">
    /// 412 <see cref="TableErrorCode.UpdateConditionNotSatisfied"/> when another writer changed it first;
    /// 404 <see cref="TableErrorCode.ResourceNotFound"/> when it does not exist.
    /// </exception>
    public virtual async Task<Response> UpdateEntityAsync(
        TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (ifMatch == default)
        {
            throw new ArgumentException("Pass the ETag the entity was read with, or ETag.All to update whatever version is stored.", nameof(ifMatch));
        }

        using var message = _pipeline.CreateMessage(MethodOf(mode), EntityPath(Name, entity.PartitionKey, entity.RowKey));
        SetEntityContent(message.Request, entity);
        message.Request.Headers.SetValue(HttpHeader.Names.IfMatch, ifMatch.ToString("H"));
        return await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes the entity if its stored version is <paramref name="ifMatch"/> (default: any version).
    /// An entity that does not exist is not an error: the response then has status 404.
    /// </summary>
    /// <exception cref="RequestFailedException">412 <see cref="TableErrorCode.UpdateConditionNotSatisfied"/> when another writer changed it first.</exception>
    public virtual async Task<Response> DeleteEntityAsync(
        string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, EntityPath(Name, partitionKey, rowKey));
        message.Request.Headers.SetValue(HttpHeader.Names.IfMatch, (ifMatch == default ? ETag.All : ifMatch).ToString("H"));
        return await SendToleratingMissingEntityAsync(message, cancellationToken).ConfigureAwait(false);
    }

    internal static string EntityPath(string table, string partitionKey, string rowKey)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        ArgumentNullException.ThrowIfNull(rowKey);
        return $"/{Uri.EscapeDataString(table)}(PartitionKey='{EscapeKey(partitionKey)}',RowKey='{EscapeKey(rowKey)}')";
    }

    internal static RequestMethod MethodOf(TableUpdateMode mode) => mode switch
    {
        TableUpdateMode.Merge => Merge,
        TableUpdateMode.Replace => RequestMethod.Put,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown update mode."),
    };

    // A key is an OData string literal inside the path: quotes doubled, then percent-encoded.
    private static string EscapeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));

    private static void SetEntityContent(Request request, TableEntity entity)
    {
        request.Headers.SetValue(HttpHeader.Names.ContentType, TablePipeline.JsonContentType);
        request.Content = RequestContent.Create(TableEntityJson.Serialize(entity));
    }

    private HttpMessage CreateGetEntityMessage(string partitionKey, string rowKey, IEnumerable<string>? select)
    {
        var message = _pipeline.CreateMessage(RequestMethod.Get, EntityPath(Name, partitionKey, rowKey));
        if (select is not null)
        {
            message.Request.Uri.AppendQuery("$select", string.Join(',', select));
        }

        return message;
    }

    // A missing entity is an answer; a missing table is a mistake the caller must hear about.
    private async Task<Response> SendToleratingMissingEntityAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        var response = await _pipeline.SendAsync(message, cancellationToken, toleratedStatus: 404).ConfigureAwait(false);
        return response.Status == 404 && TableErrorParser.TryParseBody(response.Content)?.Code == TableErrorCode.TableNotFound
            ? throw new RequestFailedException(response)
            : response;
    }

    private static TableEntity ReadEntity(Response response)
    {
        using var document = JsonDocument.Parse(response.Content);
        return TableEntityJson.Deserialize(document.RootElement);
    }

    private async Task<Page<TableEntity>> QueryPageAsync(
        string? filter, string? select, string? continuationToken, int? pageSize, CancellationToken cancellationToken)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Get, $"/{Uri.EscapeDataString(Name)}()");
        var uri = message.Request.Uri;
        if (!string.IsNullOrEmpty(filter))
        {
            uri.AppendQuery("$filter", filter);
        }

        if (select is not null)
        {
            uri.AppendQuery("$select", select);
        }

        if (pageSize is not null)
        {
            uri.AppendQuery("$top", pageSize.Value.ToString(CultureInfo.InvariantCulture));
        }

        TableContinuation.AppendTo(uri, continuationToken);

        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        using var document = JsonDocument.Parse(response.Content);
        var entities = document.RootElement.GetProperty("value").EnumerateArray().Select(TableEntityJson.Deserialize).ToList();
        return Page<TableEntity>.FromValues(entities, TableContinuation.Read(response), response);
    }
}
