using System.Globalization;
using AdminMfaWatchdog.Core.Alerts;
using AdminMfaWatchdog.Core.Ports;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.SendMail;
using Microsoft.Kiota.Abstractions;
using Polly.Timeout;

namespace AdminMfaWatchdog.Infrastructure.Alerts.Email;

/// <summary>
/// Sends the batch as an HTML email through Microsoft Graph <c>POST /users/{sender}/sendMail</c> (application
/// permission Mail.Send, best scoped to the sender's mailbox), not kept in Sent Items. The batch id travels
/// in the <c>X-Watchdog-Batch-Id</c> internet message header.
/// </summary>
public sealed class EmailAlertChannel : IAlertChannel
{
    private readonly GraphServiceClient _graph;
    private readonly string _sender;
    private readonly IReadOnlyList<string> _recipients;

    public EmailAlertChannel(GraphServiceClient graph, string sender, IReadOnlyList<string> recipients)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentException.ThrowIfNullOrWhiteSpace(sender);
        ArgumentNullException.ThrowIfNull(recipients);
        if (recipients.Count == 0) throw new ArgumentException("At least one recipient is required.", nameof(recipients));
        _graph = graph;
        _sender = sender;
        _recipients = recipients;
    }

    public string Name => "email";

    public async Task SendAsync(AlertBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var body = new SendMailPostRequestBody
        {
            Message = new Message
            {
                Subject = AlertEmailHtml.Subject(batch),
                Body = new ItemBody { ContentType = BodyType.Html, Content = AlertEmailHtml.Body(batch) },
                ToRecipients = _recipients.Select(address => new Recipient { EmailAddress = new EmailAddress { Address = address } }).ToList(),
                InternetMessageHeaders = [new InternetMessageHeader { Name = HttpDelivery.BatchIdHeader, Value = batch.BatchId }],
            },
            SaveToSentItems = false,
        };
        try
        {
            await _graph.Users[_sender].SendMail.PostAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException ex)
        {
            var status = ex.ResponseStatusCode;
            var code = ex is Microsoft.Graph.Models.ODataErrors.ODataError { Error.Code: { } errorCode } ? $" {errorCode}" : "";
            throw new AlertDeliveryException($"Graph sendMail as {_sender} answered {status}{code}.",
                permanent: status is > 0 and < 500 and not (408 or 429), status == 0 ? null : status, RetryAfter(ex));
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException
            || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new AlertDeliveryException($"Graph sendMail as {_sender} could not be reached ({ex.GetType().Name}).", permanent: false);
        }
    }

    // Graph sends Retry-After as whole seconds.
    private static TimeSpan? RetryAfter(ApiException ex) =>
        ex.ResponseHeaders.FirstOrDefault(header => string.Equals(header.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault() is { } value
        && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
