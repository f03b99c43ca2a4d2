using Azure;
using Azure.Core;

namespace AdminMfaWatchdog.Infrastructure.Storage.Tables;

public partial class TableClient
{
    /// <summary>The most actions one entity group transaction may hold.</summary>
    public const int MaxTransactionActions = 100;

    /// <summary>
    /// Applies up to 100 actions on entities of one partition as a single all-or-nothing transaction
    /// (an OData <c>$batch</c> with one change set). Returns one response per action, in order.
    /// </summary>
    /// <exception cref="ArgumentException">No actions, more than 100, or entities of more than one partition.</exception>
    /// <exception cref="TableTransactionFailedException">The service refused an action; nothing was applied.</exception>
    public virtual async Task<Response<IReadOnlyList<Response>>> SubmitTransactionAsync(
        IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var batch = actions.ToList();
        ValidateTransaction(batch);

        using var message = _pipeline.CreateMessage(RequestMethod.Post, "/$batch", accept: "multipart/mixed");
        var content = new TableTransactionContent(_pipeline, Name);
        message.Request.Headers.SetValue(HttpHeader.Names.ContentType, content.ContentType);
        message.Request.Content = RequestContent.Create(content.Write(batch));

        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var results = TableTransactionResult.Read(response);
        TableTransactionResult.ThrowIfFailed(results, batch);
        return Response.FromValue<IReadOnlyList<Response>>(results, response);
    }

    private static void ValidateTransaction(List<TableTransactionAction> actions)
    {
        if (actions.Count is 0 or > MaxTransactionActions)
        {
            throw new ArgumentException(
                $"A table transaction holds 1 to {MaxTransactionActions} actions; this one has {actions.Count}.", nameof(actions));
        }

        if (actions.Any(action => action is null))
        {
            throw new ArgumentException("A table transaction cannot hold a null action.", nameof(actions));
        }

        var partitionKey = actions[0].Entity.PartitionKey;
        if (actions.Any(action => action.Entity.PartitionKey != partitionKey))
        {
            throw new ArgumentException("All entities of a table transaction must share one PartitionKey.", nameof(actions));
        }
    }
}
