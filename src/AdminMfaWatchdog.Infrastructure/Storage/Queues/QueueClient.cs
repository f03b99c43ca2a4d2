using System.Globalization;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace AdminMfaWatchdog.Infrastructure.Storage.Queues;

/// <summary>
/// One queue. Mirrors the parts of Azure.Storage.Queues' QueueClient the project uses, returning values
/// rather than <c>Response&lt;T&gt;</c>. Failures are <see cref="RequestFailedException"/>: the status and the
/// service's error code (<see cref="QueueErrorCode"/>), or status 0 when the service cannot be reached.
/// </summary>
public sealed class QueueClient
{
    /// <summary>The most messages one receive or peek returns (the service's limit).</summary>
    public const int MaxMessagesPerCall = 32;

    private readonly QueuePipeline _pipeline;

    internal QueueClient(QueuePipeline pipeline, string queueName)
    {
        _pipeline = pipeline;
        Name = QueueName.Validate(queueName);
    }

    public string Name { get; }

    /// <summary>Creates the queue; succeeds without change when it already exists.</summary>
    public async Task CreateIfNotExistsAsync(CancellationToken ct = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Put, Name);
        // 201: created; 204: it exists; 409 QueueAlreadyExists: it exists with other metadata. All three: there is a queue.
        await _pipeline.SendAsync(message, ct,
            response => response.Status == 409 && ErrorCodeOf(response) == QueueErrorCode.QueueAlreadyExists).ConfigureAwait(false);
    }

    /// <param name="visibilityTimeout">How long the message stays hidden after it is sent (whole seconds; default: visible at once).</param>
    /// <param name="timeToLive">How long it lives (whole seconds, at least one; <see cref="Timeout.InfiniteTimeSpan"/> or -1 s: forever; default: 7 days).</param>
    /// <exception cref="ArgumentException">The encoded message is over 64 KiB, or holds a character XML cannot carry.</exception>
    public async Task<SendReceipt> SendMessageAsync(
        string messageText, TimeSpan? visibilityTimeout = null, TimeSpan? timeToLive = null, CancellationToken ct = default)
    {
        var body = QueueXml.MessageBody(QueueMessageText.Encode(messageText, _pipeline.MessageEncoding));
        using var message = _pipeline.CreateMessage(RequestMethod.Post, Name, "messages");
        if (visibilityTimeout is { } hidden)
        {
            message.Request.Uri.AppendQuery("visibilitytimeout", Seconds(hidden, nameof(visibilityTimeout)));
        }

        if (timeToLive is { } lifetime)
        {
            message.Request.Uri.AppendQuery("messagettl", TimeToLiveSeconds(lifetime));
        }

        message.Request.Headers.SetValue(HttpHeader.Names.ContentType, "application/xml");
        message.Request.Content = RequestContent.Create(body);
        var response = await _pipeline.SendAsync(message, ct).ConfigureAwait(false);

        var sent = QueueXml.Messages(response.Content).Single();
        return new SendReceipt(QueueXml.Text(sent, "MessageId"), QueueXml.Text(sent, "PopReceipt"), QueueXml.Date(sent, "InsertionTime"));
    }

    /// <summary>Dequeues up to <paramref name="maxMessages"/> messages, hiding them for <paramref name="visibilityTimeout"/>.</summary>
    /// <param name="maxMessages">1 to <see cref="MaxMessagesPerCall"/>.</param>
    public async Task<IReadOnlyList<QueueMessage>> ReceiveMessagesAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken ct = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Get, Name, "messages");
        message.Request.Uri.AppendQuery("numofmessages", BatchSize(maxMessages));
        message.Request.Uri.AppendQuery("visibilitytimeout", Seconds(visibilityTimeout, nameof(visibilityTimeout)));
        var response = await _pipeline.SendAsync(message, ct).ConfigureAwait(false);

        return QueueXml.Messages(response.Content)
            .Select(received => new QueueMessage(
                QueueXml.Text(received, "MessageId"),
                QueueXml.Text(received, "PopReceipt"),
                MessageTextOf(received),
                QueueXml.Number(received, "DequeueCount"),
                QueueXml.Date(received, "InsertionTime"),
                QueueXml.Date(received, "TimeNextVisible")))
            .ToList();
    }

    /// <summary>Reads up to <paramref name="maxMessages"/> visible messages without dequeuing them.</summary>
    /// <param name="maxMessages">1 to <see cref="MaxMessagesPerCall"/>.</param>
    public async Task<IReadOnlyList<PeekedMessage>> PeekMessagesAsync(int maxMessages, CancellationToken ct = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Get, Name, "messages");
        message.Request.Uri.AppendQuery("peekonly", "true");
        message.Request.Uri.AppendQuery("numofmessages", BatchSize(maxMessages));
        var response = await _pipeline.SendAsync(message, ct).ConfigureAwait(false);

        return QueueXml.Messages(response.Content)
            .Select(peeked => new PeekedMessage(
                QueueXml.Text(peeked, "MessageId"),
                MessageTextOf(peeked),
                QueueXml.Number(peeked, "DequeueCount"),
                QueueXml.Date(peeked, "InsertionTime")))
            .ToList();
    }

    /// <summary>Deletes a received message.</summary>
    /// <param name="popReceipt">The receipt of the latest receive or update: an older one fails (Azure: 404 <see cref="QueueErrorCode.MessageNotFound"/>; Azurite: 400 <see cref="QueueErrorCode.PopReceiptMismatch"/>).</param>
    public async Task DeleteMessageAsync(string messageId, string popReceipt, CancellationToken ct = default)
    {
        using var message = MessageRequest(RequestMethod.Delete, messageId, popReceipt);
        await _pipeline.SendAsync(message, ct).ConfigureAwait(false);
    }

    /// <summary>Hides a received message for <paramref name="visibilityTimeout"/> from now (zero: visible again at once).</summary>
    /// <returns>The new pop receipt: the one given stops working.</returns>
    public async Task<string> UpdateVisibilityAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, CancellationToken ct = default)
    {
        using var message = MessageRequest(RequestMethod.Put, messageId, popReceipt);
        message.Request.Uri.AppendQuery("visibilitytimeout", Seconds(visibilityTimeout, nameof(visibilityTimeout)));
        var response = await _pipeline.SendAsync(message, ct).ConfigureAwait(false);

        return response.Headers.TryGetValue("x-ms-popreceipt", out var newReceipt)
            ? newReceipt
            : throw new InvalidDataException("The queue service updated a message without returning its new pop receipt.");
    }

    /// <summary>The service's estimate of how many messages the queue holds, hidden ones included.</summary>
    public async Task<int> GetApproximateMessageCountAsync(CancellationToken ct = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Get, Name);
        message.Request.Uri.AppendQuery("comp", "metadata");
        var response = await _pipeline.SendAsync(message, ct).ConfigureAwait(false);

        return response.Headers.TryGetValue("x-ms-approximate-messages-count", out var count)
            ? int.Parse(count, CultureInfo.InvariantCulture)
            : throw new InvalidDataException("The queue service returned the queue's metadata without a message count.");
    }

    private HttpMessage MessageRequest(RequestMethod method, string messageId, string popReceipt)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        var message = _pipeline.CreateMessage(method, Name, "messages", messageId);
        message.Request.Uri.AppendQuery("popreceipt", popReceipt);
        return message;
    }

    private string MessageTextOf(XElement message) =>
        QueueMessageText.Decode(QueueXml.Text(message, "MessageText"), _pipeline.MessageEncoding, QueueXml.Text(message, "MessageId"), Name);

    private static string? ErrorCodeOf(Response response) =>
        response.Headers.TryGetValue("x-ms-error-code", out var code) ? code : null;

    private static string BatchSize(int maxMessages)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, MaxMessagesPerCall);
        return maxMessages.ToString(CultureInfo.InvariantCulture);
    }

    private static string Seconds(TimeSpan timeout, string parameterName)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero, parameterName);
        return ((long)timeout.TotalSeconds).ToString(CultureInfo.InvariantCulture);
    }

    // The service's "never expires" is -1 (seconds); Timeout.InfiniteTimeSpan says the same the .NET way.
    private static string TimeToLiveSeconds(TimeSpan timeToLive)
    {
        if (timeToLive == Timeout.InfiniteTimeSpan || timeToLive == TimeSpan.FromSeconds(-1))
        {
            return "-1";
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(timeToLive, TimeSpan.FromSeconds(1), nameof(timeToLive));
        return ((long)timeToLive.TotalSeconds).ToString(CultureInfo.InvariantCulture);
    }
}
