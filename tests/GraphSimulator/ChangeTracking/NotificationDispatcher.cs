using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using GraphSimulator.Wire;

namespace GraphSimulator.ChangeTracking;

/// <summary>
/// Delivers notification and lifecycle collections the way Graph does: asynchronously, a POST of
/// <c>{"value":[...]}</c> that must get a 2xx within <see cref="ChangeNotificationOptions.DeliveryTimeout"/>,
/// retried with doubling delays until <see cref="ChangeNotificationOptions.GiveUpAfter"/>, then dropped.
/// Every attempt is logged for tests, which can also wait for the queue to drain.
/// </summary>
internal sealed class NotificationDispatcher(HttpClient http, SimulatorOptions options) : IDisposable
{
    private readonly Lock _lock = new();
    private readonly List<NotificationDelivery> _log = [];
    private readonly Dictionary<string, OpenBatch> _openBatches = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private int _pending;
    private TaskCompletionSource _idle = CompletedSource();

    public IReadOnlyList<NotificationDelivery> Log
    {
        get
        {
            lock (_lock)
            {
                return _log.ToList();
            }
        }
    }

    /// <summary>Completes once nothing is waiting to be sent or retried.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken) => IdleSource().Task.WaitAsync(cancellationToken);

    /// <summary>
    /// Queues <paramref name="items"/> for <paramref name="url"/>. The task completes when they are
    /// delivered or given up (it never faults). Notifications join a batch open for the same URL.
    /// </summary>
    public Task Enqueue(DeliveryKind kind, string url, IReadOnlyList<JsonObject> items)
    {
        var window = options.ChangeNotifications.BatchWindow;
        lock (_lock)
        {
            if (kind == DeliveryKind.Notification && window > TimeSpan.Zero)
            {
                if (_openBatches.TryGetValue(url, out var open))
                {
                    open.Items.AddRange(items);
                    return open.Settled;
                }

                var batch = new OpenBatch([.. items]);
                _openBatches[url] = batch;
                batch.Settled = Track(() => FlushAfterAsync(window, kind, url, batch));
                return batch.Settled;
            }

            return Track(() => DeliverAsync(kind, url, items));
        }
    }

    /// <summary>Records a POST made outside the queue (the validation handshake).</summary>
    public void Record(NotificationDelivery delivery)
    {
        lock (_lock)
        {
            _log.Add(delivery);
        }
    }

    /// <summary>Stops retries and batch windows. The token source is not disposed: deliveries still running read it.</summary>
    public void Dispose() => _stopping.Cancel();

    /// <summary>Called under the lock: counts the work as pending until it settles.</summary>
    private Task Track(Func<Task> work)
    {
        if (_pending++ == 0)
        {
            _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        return Task.Run(async () =>
        {
            try
            {
                await work();
            }
            finally
            {
                lock (_lock)
                {
                    if (--_pending == 0)
                    {
                        _idle.TrySetResult();
                    }
                }
            }
        });
    }

    private async Task FlushAfterAsync(TimeSpan window, DeliveryKind kind, string url, OpenBatch batch)
    {
        await DelayAsync(window);
        lock (_lock)
        {
            _openBatches.Remove(url);
        }

        await DeliverAsync(kind, url, batch.Items);
    }

    private async Task DeliverAsync(DeliveryKind kind, string url, IReadOnlyList<JsonObject> items)
    {
        var payload = new JsonObject { ["value"] = new JsonArray(items.Select(i => (JsonNode)i.DeepClone()).ToArray()) }
            .ToJsonString(WireJson.Options);
        var settings = options.ChangeNotifications;
        var elapsed = Stopwatch.StartNew();
        for (var attempt = 1; !_stopping.IsCancellationRequested; attempt++)
        {
            var status = await PostAsync(url, payload, settings.DeliveryTimeout);
            Record(new NotificationDelivery(kind, url, attempt, status, payload));
            var retryIn = settings.RetryDelay * Math.Pow(2, attempt - 1);
            if (status is >= 200 and < 300 || elapsed.Elapsed + retryIn > settings.GiveUpAfter)
            {
                return;
            }

            await DelayAsync(retryIn);
        }
    }

    private async Task<int?> PostAsync(string url, string payload, TimeSpan timeout)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        timeoutSource.CancelAfter(timeout);
        try
        {
            using var content = new StringContent(payload, Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync(url, content, timeoutSource.Token);
            return (int)response.StatusCode;
        }
        catch (Exception error) when (error is HttpRequestException or OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Waits on the real clock; ends early, without throwing, when the simulator stops.</summary>
    private async Task DelayAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the delivery loop sees the cancellation and ends.
        }
    }

    private TaskCompletionSource IdleSource()
    {
        lock (_lock)
        {
            return _idle;
        }
    }

    private static TaskCompletionSource CompletedSource()
    {
        var source = new TaskCompletionSource();
        source.SetResult();
        return source;
    }

    private sealed class OpenBatch(List<JsonObject> items)
    {
        public List<JsonObject> Items { get; } = items;

        public Task Settled { get; set; } = Task.CompletedTask;
    }
}
