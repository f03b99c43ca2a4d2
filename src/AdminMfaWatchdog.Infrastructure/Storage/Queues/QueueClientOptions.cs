using Azure.Core;

namespace AdminMfaWatchdog.Infrastructure.Storage.Queues;

/// <summary>
/// Options for <see cref="QueueServiceClient"/> and its <see cref="QueueClient"/>s: the message encoding,
/// plus Azure.Core's retry, diagnostics and transport settings.
/// </summary>
/// <remarks>
/// Unlike Azure.Storage.Queues, whose default encoding is <see cref="QueueMessageEncoding.None"/>, the default
/// here is <see cref="QueueMessageEncoding.Base64"/>: the queues feed Azure Functions triggers, which read base64.
/// Set it explicitly when switching to that package.
/// </remarks>
public sealed class QueueClientOptions : ClientOptions
{
    /// <summary>
    /// The Queue service REST version sent as <c>x-ms-version</c>: recent enough for Microsoft Entra
    /// authorization and messages that never expire (TTL -1), and spoken by Azurite.
    /// </summary>
    internal const string ServiceVersion = "2021-12-02";

    public QueueClientOptions()
    {
        // Azure.Core redacts every header it does not know; these carry no secret and explain a failure.
        // (x-ms-popreceipt stays redacted: it lets whoever holds it delete the message.)
        foreach (var header in new[] { "x-ms-error-code", "x-ms-version", "x-ms-approximate-messages-count", "x-ms-time-next-visible" })
        {
            Diagnostics.LoggedHeaderNames.Add(header);
        }
    }

    public QueueMessageEncoding MessageEncoding { get; set; } = QueueMessageEncoding.Base64;
}
