using System.Text;

namespace AdminMfaWatchdog.Infrastructure.Storage.Queues;

/// <summary>Turns message text into what the queue stores, and back, per <see cref="QueueMessageEncoding"/>.</summary>
internal static class QueueMessageText
{
    /// <summary>The service's limit on a message, counted here on the encoded text's UTF-8 bytes.</summary>
    public const int MaxEncodedBytes = 64 * 1024;

    /// <exception cref="ArgumentException">The encoded text is over <see cref="MaxEncodedBytes"/>.</exception>
    public static string Encode(string messageText, QueueMessageEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        var encoded = encoding == QueueMessageEncoding.Base64
            ? Convert.ToBase64String(Encoding.UTF8.GetBytes(messageText))
            : messageText;

        var size = Encoding.UTF8.GetByteCount(encoded);
        // The message is never quoted: it may carry tenant data.
        return size <= MaxEncodedBytes
            ? encoded
            : throw new ArgumentException(
                $"The message is {size} bytes once encoded ({encoding}); a queue message holds at most {MaxEncodedBytes}.",
                nameof(messageText));
    }

    /// <exception cref="FormatException">With <see cref="QueueMessageEncoding.Base64"/>, the stored text is not base64.</exception>
    public static string Decode(string storedText, QueueMessageEncoding encoding, string messageId, string queueName)
    {
        if (encoding == QueueMessageEncoding.None)
        {
            return storedText;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(storedText));
        }
        catch (FormatException notBase64)
        {
            throw new FormatException(
                $"Message {messageId} in queue '{queueName}' is not base64, which MessageEncoding.Base64 expects; "
                + "it was written with another encoding (read it with MessageEncoding.None).", notBase64);
        }
    }
}
