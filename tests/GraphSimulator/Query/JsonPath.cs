using System.Text.Json.Nodes;

namespace GraphSimulator.Query;

/// <summary>Case-insensitive property lookup, as Graph resolves property names in query options.</summary>
internal static class JsonPath
{
    /// <summary>Resolves <c>a/b</c> (e.g. <c>onPremisesExtensionAttributes/extensionAttribute1</c>).</summary>
    public static JsonNode? Get(JsonObject entity, string path)
    {
        JsonNode? current = entity;
        foreach (var name in path.Split('/'))
        {
            if (current is not JsonObject obj || !TryGetProperty(obj, name, out current))
            {
                return null;
            }
        }

        return current;
    }

    public static bool TryGetProperty(JsonObject obj, string name, out JsonNode? value)
    {
        if (obj.TryGetPropertyValue(name, out value))
        {
            return true;
        }

        foreach (var (key, node) in obj)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                value = node;
                return true;
            }
        }

        value = null;
        return false;
    }

    public static string? GetString(JsonObject entity, string path) =>
        Get(entity, path) is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
