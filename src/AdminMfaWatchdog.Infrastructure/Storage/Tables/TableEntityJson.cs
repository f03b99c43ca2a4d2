using System.Globalization;
using System.Text.Json;
using Azure;

namespace AdminMfaWatchdog.Infrastructure.Storage.Tables;

/// <summary>
/// The Table service's JSON entity format. Types JSON cannot express travel as strings with an
/// <c>Name@odata.type</c> annotation (Edm.Int64, Edm.DateTime, Edm.Guid, Edm.Binary); doubles are
/// annotated too, or a whole double such as 2.0 would be stored as Int32.
/// </summary>
internal static class TableEntityJson
{
    private const string TypeAnnotationSuffix = "@odata.type";
    private const string EtagProperty = "odata.etag";
    private const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static BinaryData Serialize(TableEntity entity)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(TableEntity.PartitionKeyName, entity.PartitionKey);
            writer.WriteString(TableEntity.RowKeyName, entity.RowKey);
            foreach (var (name, value) in entity)
            {
                WriteProperty(writer, name, value);
            }

            writer.WriteEndObject();
        }

        return new BinaryData(buffer.ToArray());
    }

    public static TableEntity Deserialize(JsonElement json)
    {
        var entity = new TableEntity(
            json.TryGetProperty(TableEntity.PartitionKeyName, out var partitionKey) ? partitionKey.GetString() ?? "" : "",
            json.TryGetProperty(TableEntity.RowKeyName, out var rowKey) ? rowKey.GetString() ?? "" : "");

        foreach (var property in json.EnumerateObject())
        {
            var name = property.Name;
            if (name == EtagProperty)
            {
                entity.ETag = new ETag(property.Value.GetString() ?? string.Empty);
            }
            else if (name == TableEntity.TimestampName)
            {
                entity.Timestamp = ParseDateTime(property.Value.GetString());
            }
            else if (name is not (TableEntity.PartitionKeyName or TableEntity.RowKeyName)
                && !name.StartsWith("odata.", StringComparison.Ordinal)
                && !name.EndsWith(TypeAnnotationSuffix, StringComparison.Ordinal)
                && property.Value.ValueKind != JsonValueKind.Null)
            {
                var edmType = json.TryGetProperty(name + TypeAnnotationSuffix, out var annotation) ? annotation.GetString() : null;
                entity[name] = ReadValue(property.Value, edmType);
            }
        }

        return entity;
    }

    private static void WriteProperty(Utf8JsonWriter writer, string name, object value)
    {
        switch (value)
        {
            case string text:
                writer.WriteString(name, text);
                break;
            case bool flag:
                writer.WriteBoolean(name, flag);
                break;
            case int number:
                writer.WriteNumber(name, number);
                break;
            case long number:
                WriteAnnotated(writer, name, "Edm.Int64", number.ToString(CultureInfo.InvariantCulture));
                break;
            case double number:
                writer.WriteString(name + TypeAnnotationSuffix, "Edm.Double");
                if (double.IsFinite(number))
                {
                    writer.WriteNumber(name, number);
                }
                else
                {
                    writer.WriteString(name, number.ToString(CultureInfo.InvariantCulture)); // "NaN", "Infinity", "-Infinity"
                }

                break;
            case DateTimeOffset instant:
                WriteAnnotated(writer, name, "Edm.DateTime", FormatDateTime(instant));
                break;
            case Guid id:
                WriteAnnotated(writer, name, "Edm.Guid", id.ToString("D"));
                break;
            case byte[] bytes:
                WriteAnnotated(writer, name, "Edm.Binary", Convert.ToBase64String(bytes));
                break;
            default:
                throw new InvalidOperationException($"Property '{name}' has the unsupported type {value.GetType().Name}.");
        }
    }

    private static void WriteAnnotated(Utf8JsonWriter writer, string name, string edmType, string value)
    {
        writer.WriteString(name + TypeAnnotationSuffix, edmType);
        writer.WriteString(name, value);
    }

    // Azure annotates only what JSON cannot infer; Azurite annotates Int32 and others as well.
    private static object ReadValue(JsonElement value, string? edmType) => edmType switch
    {
        "Edm.String" => value.GetString()!,
        "Edm.Boolean" => value.GetBoolean(),
        "Edm.Int32" => value.GetInt32(),
        "Edm.Int64" => long.Parse(value.GetString()!, CultureInfo.InvariantCulture),
        "Edm.DateTime" => ParseDateTime(value.GetString()),
        "Edm.Guid" => Guid.Parse(value.GetString()!),
        "Edm.Binary" => Convert.FromBase64String(value.GetString()!),
        "Edm.Double" => value.ValueKind == JsonValueKind.String
            ? double.Parse(value.GetString()!, CultureInfo.InvariantCulture)
            : value.GetDouble(),
        _ => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => value.TryGetInt32(out var whole) ? (object)whole : value.GetDouble(),
            _ => throw new FormatException($"The table service returned an unexpected JSON {value.ValueKind} property value."),
        },
    };

    internal static string FormatDateTime(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseDateTime(string? value) =>
        DateTimeOffset.Parse(value ?? throw new FormatException("The table service returned a null date."),
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
