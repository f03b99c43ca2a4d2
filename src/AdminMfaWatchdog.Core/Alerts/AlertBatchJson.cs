using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AdminMfaWatchdog.Core.Alerts;

/// <summary>
/// The alert batch on the wire (the generic webhook's body, and what the outbox stores): one flat object,
/// <c>"schema"</c> first, then the batch; camelCase names, enums as camelCase strings, nulls written.
/// docs/alerts.md documents it; within a schema it only ever gains properties.
/// </summary>
public static class AlertBatchJson
{
    /// <summary>Names the shape, so receivers can tell a future incompatible one apart.</summary>
    public const string Schema = "adminmfawatchdog.alerts/v1";

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public static byte[] SerializeToUtf8Bytes(AlertBatch batch)
    {
        var document = new JsonObject { ["schema"] = Schema };
        foreach (var (name, value) in JsonSerializer.SerializeToNode(batch, Options)!.AsObject().ToList())
        {
            document[name] = value?.DeepClone();
        }

        return JsonSerializer.SerializeToUtf8Bytes(document, Options);
    }

    /// <exception cref="JsonException">Not an alert batch of this schema.</exception>
    public static AlertBatch Deserialize(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        using var document = JsonDocument.ParseValue(ref reader);
        if (!document.RootElement.TryGetProperty("schema", out var schema) || schema.ValueKind != JsonValueKind.String || schema.GetString() != Schema)
        {
            throw new JsonException($"Not an alert batch of schema {Schema}.");
        }

        return document.RootElement.Deserialize<AlertBatch>(Options) ?? throw new JsonException("The alert batch is null.");
    }
}
