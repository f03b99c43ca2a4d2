using System.Text.Json;
using AdminMfaWatchdog.Core.Alerts;
using AdminMfaWatchdog.Infrastructure.Alerts.Webhook;
using static AdminMfaWatchdog.Infrastructure.Tests.Alerts.AlertTestKit;

namespace AdminMfaWatchdog.Infrastructure.Tests.Alerts;

public sealed class WebhookAlertChannelTests
{
    [Fact]
    public async Task The_batch_is_posted_as_structured_json_with_its_id_in_a_header()
    {
        await using var receiver = await AlertReceiver.StartAsync();
        var batch = Mixed();

        await new WebhookAlertChannel(receiver.Url, Http()).SendAsync(batch, default);

        var request = Assert.Single(receiver.Requests);
        Assert.Equal(("POST", "application/json; charset=utf-8", "scan-1"), (request.Method, request.ContentType, request.BatchId));
        Assert.Equal(AlertBatchJson.SerializeToUtf8Bytes(batch), request.Body);
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal(6, json.RootElement.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_display_name_with_markup_is_a_json_string_as_written()
    {
        await using var receiver = await AlertReceiver.StartAsync();

        await new WebhookAlertChannel(receiver.Url, Http()).SendAsync(Mixed(name: HostileName), default);

        using var json = JsonDocument.Parse(Assert.Single(receiver.Requests).Body);
        var names = json.RootElement.GetProperty("items").EnumerateArray()
            .Where(item => item.GetProperty("subject").ValueKind == JsonValueKind.Object)
            .Select(item => item.GetProperty("subject").GetProperty("name").GetString());
        Assert.Contains(HostileName, names);
    }
}
