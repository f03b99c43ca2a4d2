using System.Text.Json;

namespace AdminMfaWatchdog.Infrastructure.Hosting.Changes;

/// <summary>A request body that is not a Graph notification collection; the message says why, never echoing the body.</summary>
public sealed class MalformedNotificationException(string message, int statusCode = 400) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}

/// <summary>
/// Reads a Graph notification POST (<c>{"value":[...]}</c>, change or lifecycle notifications) into plain
/// elements, with hard limits: the body size, and a JSON depth no notification needs.
/// </summary>
internal static class NotificationBody
{
    /// <summary>Graph sends notifications in small batches; anything this large is not from Graph.</summary>
    public const int MaxBytes = 1024 * 1024;

    private const int MaxDepth = 16;

    /// <exception cref="MalformedNotificationException">too large (413), not JSON, or not a notification collection (400).</exception>
    public static async Task<IReadOnlyList<JsonElement>> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        var bytes = await ReadLimitedAsync(body, cancellationToken).ConfigureAwait(false);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException)
        {
            throw new MalformedNotificationException("the body is not JSON");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("value", out var value)
                || value.ValueKind != JsonValueKind.Array)
                throw new MalformedNotificationException("the body is not a notification collection: {\"value\":[...]}");
            return value.EnumerateArray().Select(item => item.Clone()).ToList();
        }
    }

    private static async Task<byte[]> ReadLimitedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
                throw new MalformedNotificationException($"the body is larger than {MaxBytes / 1024} KiB", 413);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    public static string? String(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
