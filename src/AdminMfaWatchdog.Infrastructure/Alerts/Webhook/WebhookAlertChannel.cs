using AdminMfaWatchdog.Core.Alerts;
using AdminMfaWatchdog.Core.Ports;

namespace AdminMfaWatchdog.Infrastructure.Alerts.Webhook;

/// <summary>
/// The generic JSON webhook (SIEM, Slack or chat bridges): POSTs the batch as <see cref="AlertBatchJson"/>,
/// every item in full, with the batch id in the <c>X-Watchdog-Batch-Id</c> header too.
/// </summary>
public sealed class WebhookAlertChannel(Uri url, HttpClient http) : IAlertChannel
{
    public string Name => "webhook";

    public Task SendAsync(AlertBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return HttpDelivery.PostAsync(http, url, AlertBatchJson.SerializeToUtf8Bytes(batch), batch.BatchId, "The alert webhook", cancellationToken);
    }
}
