using System.Text.Json;
using Azure;
using Azure.Core;

namespace AdminMfaWatchdog.Infrastructure.Storage.Tables;

/// <summary>Table-level operations, shared by <see cref="TableServiceClient"/> and <see cref="TableClient"/>.</summary>
internal static class TableOperations
{
    public static async Task<Response<TableItem>> CreateIfNotExistsAsync(TablePipeline pipeline, string tableName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        using var message = pipeline.CreateMessage(RequestMethod.Post, "/Tables");
        message.Request.Headers.SetValue(HttpHeader.Names.ContentType, TablePipeline.JsonContentType);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        message.Request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = tableName }));

        // 409 TableAlreadyExists is the "if not exists" case.
        var response = await pipeline.SendAsync(message, cancellationToken, toleratedStatus: 409).ConfigureAwait(false);
        return Response.FromValue(new TableItem(tableName), response);
    }

    public static async Task<Response> DeleteAsync(TablePipeline pipeline, string tableName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        using var message = pipeline.CreateMessage(RequestMethod.Delete, $"/Tables('{Uri.EscapeDataString(tableName)}')");
        return await pipeline.SendAsync(message, cancellationToken, toleratedStatus: 404).ConfigureAwait(false);
    }
}
