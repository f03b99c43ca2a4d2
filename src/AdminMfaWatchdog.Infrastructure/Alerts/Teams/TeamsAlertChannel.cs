using AdminMfaWatchdog.Core.Alerts;
using AdminMfaWatchdog.Core.Ports;

namespace AdminMfaWatchdog.Infrastructure.Alerts.Teams;

/// <summary>
/// Posts one Adaptive Card per batch to a Teams Workflows webhook ("When a Teams webhook request is
/// received"; the Office 365 connector webhooks are retired). The URL is a secret: it carries the signature.
/// </summary>
public sealed class TeamsAlertChannel(Uri webhookUrl, HttpClient http) : IAlertChannel
{
    public string Name => "teams";

    public Task SendAsync(AlertBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return HttpDelivery.PostAsync(http, webhookUrl, AdaptiveCardMessage.Serialize(batch), batch.BatchId, "The Teams webhook", cancellationToken);
    }
}
