using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using AdminMfaWatchdog.Core.Alerts;

namespace AdminMfaWatchdog.Infrastructure.Alerts;

/// <summary>
/// One POST of an alert to a webhook, with the batch id in a header so receivers can drop a redelivery.
/// 2xx delivers; 408, 429 and 5xx, a timeout or an unreachable host are worth retrying later; any other
/// answer (400, 401, 403, 404, a redirect...) is final. Failures name the URL only as scheme://host/….
/// </summary>
internal static class HttpDelivery
{
    public const string BatchIdHeader = "X-Watchdog-Batch-Id";

    /// <summary>A client for webhooks: it never follows a redirect (the request, and its URL's secret, stay where configured).</summary>
    public static HttpClient CreateClient(TimeSpan timeout) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = timeout };

    /// <exception cref="AlertDeliveryException">Not delivered.</exception>
    public static async Task PostAsync(HttpClient http, Uri url, byte[] json, string batchId, string receiver, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(json) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(BatchIdHeader, batchId);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            // No inner exception: its message and data may hold the address; the error kind says enough.
            throw new AlertDeliveryException($"{receiver} at {SecretUrl.Redact(url)} could not be reached ({ex.HttpRequestError}).", permanent: false);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AlertDeliveryException($"{receiver} at {SecretUrl.Redact(url)} did not answer within {http.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s.", permanent: false);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode) return;
            var status = (int)response.StatusCode;
            throw new AlertDeliveryException(
                $"{receiver} at {SecretUrl.Redact(url)} answered {status} {response.ReasonPhrase}.",
                permanent: !IsTransient(response.StatusCode), status, RetryAfter(response));
        }
    }

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => null,
    };
}
