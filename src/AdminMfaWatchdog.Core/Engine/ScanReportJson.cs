using System.Text.Json;
using System.Text.Json.Serialization;

namespace AdminMfaWatchdog.Core.Engine;

/// <summary>The scan report contract on the wire: camelCase names, enums as camelCase strings.</summary>
public static class ScanReportJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize(ScanReport report) => JsonSerializer.Serialize(report, Options);
}
