using System.Net;
using System.Text;
using GraphSimulator.Wire;

namespace GraphSimulator.ChangeTracking;

/// <summary>
/// Graph's validation of a notification or lifecycle URL before it creates a subscription:
/// <c>POST {url}?validationToken={token}</c>, empty <c>text/plain</c> body; the endpoint must answer 200,
/// <c>text/plain</c>, the URL-DECODED token, within the validation timeout (graph-facts 1.6).
/// </summary>
internal sealed class ValidationHandshake(HttpClient http, SimulatorOptions options, NotificationDispatcher log)
{
    private const string NoOkMessage =
        "Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.";

    private const string MismatchMessage =
        "Subscription validation request failed. Response must exactly match validationToken query parameter.";

    /// <summary>Throws Graph's 400 when the endpoint does not pass.</summary>
    public async Task ValidateAsync(string notificationUrl, CancellationToken cancellationToken)
    {
        var token = NewToken();
        var url = notificationUrl + (notificationUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") +
            "validationToken=" + WebUtility.UrlEncode(token);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ChangeNotifications.ValidationTimeout);
        int? status = null;
        string? echoed = null;
        try
        {
            using var content = new StringContent(string.Empty, Encoding.UTF8, "text/plain");
            using var response = await http.PostAsync(url, content, timeout.Token);
            status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.OK &&
                string.Equals(response.Content.Headers.ContentType?.MediaType, "text/plain", StringComparison.OrdinalIgnoreCase))
            {
                echoed = await response.Content.ReadAsStringAsync(timeout.Token);
            }
        }
        catch (Exception error) when (error is HttpRequestException ||
                                      (error is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // No answer in time, or nobody listening: Graph reports both as "must respond with 200 OK".
        }

        log.Record(new NotificationDelivery(DeliveryKind.Validation, url, 1, status, string.Empty));
        if (echoed is null)
        {
            throw new GraphException(400, "InvalidRequest", NoOkMessage);
        }

        if (!string.Equals(echoed, token, StringComparison.Ordinal))
        {
            throw new GraphException(400, "InvalidRequest", MismatchMessage);
        }
    }

    /// <summary>
    /// Shaped like Graph's token, plus characters that change when URL-encoded (space, '+', '&amp;', '&lt;',
    /// non-ASCII): an endpoint that echoes the raw query string instead of the decoded value fails here as on Graph.
    /// </summary>
    private static string NewToken() =>
        $"Validation: Testing client application reachability for subscription Request-Id: {Guid.NewGuid()} <a&b+c ünïcode>";
}
