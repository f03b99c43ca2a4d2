using AdminMfaWatchdog.Core.Alerts;
using AdminMfaWatchdog.Core.Ports;
using AdminMfaWatchdog.Infrastructure.Storage.Tables;
using Azure;

namespace AdminMfaWatchdog.Infrastructure.Alerts.Outbox;

/// <summary>
/// The alert outbox on Table Storage (<see cref="OutboxRow"/>). A batch is written once per channel before
/// any delivery; a row is deleted only after its channel accepted it (2xx), so nothing is lost. A failure
/// worth retrying (429, 5xx, timeout, unreachable) leaves the row with its attempt count and the time of
/// the next attempt (exponential backoff, or the receiver's Retry-After when longer); a final refusal
/// (400, 401, 403, 404...) or too many attempts marks it dead: kept for operators, never retried.
/// Nothing is sent twice: a batch id is queued once per channel, and a run claims a row (ETag) before
/// sending it, so two runs do not both send it. A run that dies between the receiver's 2xx and the delete
/// sends that batch again later; receivers can drop it by the X-Watchdog-Batch-Id it carries.
/// </summary>
public sealed class TableAlertOutbox : IAlertOutbox
{
    private readonly TableServiceClient _service;
    private readonly TableClient _table;
    private readonly IReadOnlyDictionary<string, IAlertChannel> _channels;
    private readonly AlertOutboxOptions _options;
    private readonly SemaphoreSlim _tableGate = new(1, 1);
    private volatile bool _tableReady;

    public TableAlertOutbox(TableServiceClient service, IEnumerable<IAlertChannel> channels, AlertOutboxOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(channels);
        _service = service;
        _options = options ?? new AlertOutboxOptions();
        _table = service.GetTableClient(_options.TableName);
        _channels = channels.ToDictionary(channel => channel.Name, StringComparer.Ordinal);
    }

    private DateTimeOffset Now => _options.TimeProvider.GetUtcNow();

    public async Task<bool> EnqueueAsync(AlertBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (_channels.Count == 0) return false;
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var rows = _channels.Keys.Select(channel => OutboxRow.ToEntity(batch, channel, Now)).ToList();
        return await GuardAsync($"queue alert batch {batch.BatchId}", async () =>
        {
            if (batch.Kind == AlertBatchKind.Digest && !await ClaimDigestDayAsync(batch, cancellationToken).ConfigureAwait(false)) return false;
            var added = 0;
            foreach (var row in rows)
            {
                try
                {
                    await _table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
                    added++;
                }
                catch (RequestFailedException ex) when (ex.Status == 409 && ex.ErrorCode == TableErrorCode.EntityAlreadyExists)
                {
                    // Queued before for this channel: once is enough.
                }
            }

            return added > 0;
        }).ConfigureAwait(false);
    }

    public async Task<AlertDeliveryReport> DeliverPendingAsync(CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var due = await GuardAsync("read the alert outbox", async () =>
        {
            var rows = new List<TableEntity>();
            var filter = TableClient.CreateQueryFilter($"State eq {OutboxRow.Pending} and NextAttemptAt le {Now}");
            await foreach (var row in _table.QueryAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false)) rows.Add(row);
            return rows.OrderBy(row => row.GetDateTimeOffset("EnqueuedAt")).ToList();
        }).ConfigureAwait(false);

        var (delivered, retrying, dead) = (0, 0, 0);
        foreach (var row in due)
        {
            switch (await DeliverAsync(row, cancellationToken).ConfigureAwait(false))
            {
                case Outcome.Delivered: delivered++; break;
                case Outcome.Retrying: retrying++; break;
                case Outcome.Dead: dead++; break;
            }
        }

        return new AlertDeliveryReport(delivered, retrying, dead);
    }

    private enum Outcome { Delivered, Retrying, Dead, NotOurs }

    private async Task<Outcome> DeliverAsync(TableEntity row, CancellationToken cancellationToken)
    {
        var channelName = row.GetString("Channel") ?? "";
        if (!_channels.TryGetValue(channelName, out var channel))
            return await MarkDeadAsync(row, row.ETag, null, $"the channel '{channelName}' is not configured any more", cancellationToken).ConfigureAwait(false);

        AlertBatch batch;
        try
        {
            batch = OutboxRow.BatchOf(row);
        }
        catch (InvalidDataException ex)
        {
            return await MarkDeadAsync(row, row.ETag, null, ex.Message, cancellationToken).ConfigureAwait(false);
        }

        if (await ClaimAsync(row, cancellationToken).ConfigureAwait(false) is not { } claimed) return Outcome.NotOurs;
        try
        {
            await channel.SendAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        catch (AlertDeliveryException ex)
        {
            return await RecordFailureAsync(row, claimed, ex, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A channel's unexpected failure: its message could carry anything, so only its type is kept.
            var failure = new AlertDeliveryException($"the {channelName} channel failed with {ex.GetType().Name}", permanent: false);
            return await RecordFailureAsync(row, claimed, failure, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, claimed, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            // This send outlasted the claim and another run took the row: it will send again, which the batch id lets receivers drop.
        }
        catch (RequestFailedException ex)
        {
            throw Wrap($"remove delivered alert {row.RowKey}", ex);
        }

        return Outcome.Delivered;
    }

    // Moves the next attempt past this one; the ETag makes sure no other run claimed or changed the row first.
    private async Task<ETag?> ClaimAsync(TableEntity row, CancellationToken cancellationToken)
    {
        var claim = new TableEntity(row.PartitionKey, row.RowKey) { ["NextAttemptAt"] = Now + _options.ClaimDuration };
        try
        {
            var response = await _table.UpdateEntityAsync(claim, row.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            return response.Headers.ETag ?? throw new AlertOutboxException($"The table service returned no ETag for outbox row {row.RowKey}.");
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return null;
        }
        catch (RequestFailedException ex)
        {
            throw Wrap($"claim alert {row.RowKey}", ex);
        }
    }

    private async Task<Outcome> RecordFailureAsync(TableEntity row, ETag claimed, AlertDeliveryException failure, CancellationToken cancellationToken)
    {
        var attempts = (row.GetInt32("Attempts") ?? 0) + 1;
        if (failure.Permanent)
            return await MarkDeadAsync(row, claimed, failure.StatusCode, failure.Message, cancellationToken, attempts).ConfigureAwait(false);
        if (attempts >= _options.MaxAttempts)
            return await MarkDeadAsync(row, claimed, failure.StatusCode, $"gave up after {attempts} attempts; the last: {failure.Message}", cancellationToken, attempts)
                .ConfigureAwait(false);

        var update = Failure(row, attempts, failure.StatusCode, failure.Message);
        update["NextAttemptAt"] = Now + RetryDelay(attempts, failure.RetryAfter);
        await UpdateAsync(update, claimed, cancellationToken).ConfigureAwait(false);
        return Outcome.Retrying;
    }

    private async Task<Outcome> MarkDeadAsync(
        TableEntity row, ETag version, int? status, string error, CancellationToken cancellationToken, int? attempts = null)
    {
        var update = Failure(row, attempts ?? row.GetInt32("Attempts") ?? 0, status, error);
        update["State"] = OutboxRow.Dead;
        update["DeadAt"] = Now;
        await UpdateAsync(update, version, cancellationToken).ConfigureAwait(false);
        return Outcome.Dead;
    }

    private static TableEntity Failure(TableEntity row, int attempts, int? status, string error)
    {
        var update = new TableEntity(row.PartitionKey, row.RowKey) { ["Attempts"] = attempts, ["LastError"] = error };
        if (status is { } code) update["LastStatus"] = code;
        return update;
    }

    private async Task UpdateAsync(TableEntity update, ETag version, CancellationToken cancellationToken)
    {
        try
        {
            await _table.UpdateEntityAsync(update, version, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            // Another run took the row over (after this run's claim ran out); its record wins.
        }
        catch (RequestFailedException ex)
        {
            throw Wrap($"record the delivery attempt of {update.RowKey}", ex);
        }
    }

    /// <summary>Doubles from <see cref="AlertOutboxOptions.BaseDelay"/> up to the maximum; a longer Retry-After wins (within reason).</summary>
    internal TimeSpan RetryDelay(int attempts, TimeSpan? retryAfter)
    {
        var backoff = _options.BaseDelay * Math.Pow(2, Math.Min(attempts - 1, 30));
        if (backoff > _options.MaxDelay) backoff = _options.MaxDelay;
        var asked = retryAfter is { } wait ? (wait > _options.MaxRetryAfter ? _options.MaxRetryAfter : wait) : TimeSpan.Zero;
        return asked > backoff ? asked : backoff;
    }

    // One digest per tenant and UTC day: the marker row names the last digest queued; an ETag guards the race.
    private async Task<bool> ClaimDigestDayAsync(AlertBatch digest, CancellationToken cancellationToken)
    {
        var partition = OutboxRow.PartitionKeyOf(digest.TenantId);
        var marker = new TableEntity(partition, OutboxRow.DigestMarkerKey) { ["LastDigestId"] = digest.BatchId, ["QueuedAt"] = Now };
        var existing = await _table.GetEntityIfExistsAsync(partition, OutboxRow.DigestMarkerKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        var stored = existing.HasValue ? existing.Value : null;
        try
        {
            if (stored is null)
            {
                await _table.AddEntityAsync(marker, cancellationToken).ConfigureAwait(false);
                return true;
            }

            if (stored.GetString("LastDigestId") == digest.BatchId) return false;
            await _table.UpdateEntityAsync(marker, stored.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false; // another run queued today's digest first
        }
    }

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (_tableReady) return;
        await _tableGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_tableReady)
            {
                await GuardAsync($"create the alert outbox table at {_service.Uri}", () => _table.CreateIfNotExistsAsync(cancellationToken)).ConfigureAwait(false);
                _tableReady = true;
            }
        }
        finally
        {
            _tableGate.Release();
        }
    }

    private static async Task<T> GuardAsync<T>(string doing, Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            throw Wrap(doing, ex);
        }
    }

    // A service refusal's message spans headers and body; its status and code say it best.
    private static AlertOutboxException Wrap(string doing, RequestFailedException failure) => new(
        failure.Status == 0
            ? $"Could not {doing}: {failure.Message}"
            : $"Could not {doing}: the table service answered {failure.Status} {failure.ErrorCode ?? "without an error code"}.",
        failure);
}
