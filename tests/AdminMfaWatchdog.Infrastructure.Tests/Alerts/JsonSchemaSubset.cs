using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AdminMfaWatchdog.Infrastructure.Tests.Alerts;

/// <summary>
/// A JSON Schema validator for the keywords the Adaptive Card subset schema uses: $ref (local "#/$defs/..."),
/// type, const, enum, required, properties, additionalProperties (false), items, minItems, anyOf, pattern and
/// format "uri". The registry's JSON Schema packages cannot be restored here (JsonSchema.Net needs
/// JsonPointer.Net, NJsonSchema needs Namotion.Reflection 3.5, neither in the registry), so the tests carry
/// this one. An unknown keyword fails loudly rather than being ignored.
/// </summary>
internal sealed class JsonSchemaSubset(JsonObject root)
{
    private static readonly HashSet<string> Known =
        ["$comment", "$ref", "$defs", "type", "const", "enum", "required", "properties", "additionalProperties", "items", "minItems", "anyOf", "pattern", "format"];

    public static JsonSchemaSubset Load(string path) => new(JsonNode.Parse(File.ReadAllText(path))!.AsObject());

    /// <summary>The violations, each with its JSON path; empty when valid.</summary>
    public IReadOnlyList<string> Validate(JsonNode? instance)
    {
        var errors = new List<string>();
        Check(root, instance, "$", errors);
        return errors;
    }

    private void Check(JsonObject schema, JsonNode? value, string path, List<string> errors)
    {
        foreach (var keyword in schema.Select(property => property.Key).Where(key => !Known.Contains(key)))
            throw new NotSupportedException($"Keyword {keyword} is not supported by this validator.");
        if (schema["$ref"] is { } reference) Check(Resolve(reference.GetValue<string>()), value, path, errors);
        if (schema["type"] is { } type && !TypeMatches(type, value)) errors.Add($"{path}: expected {type.ToJsonString()}, found {KindOf(value)}");
        if (schema["const"] is { } constant && !JsonNode.DeepEquals(constant, value)) errors.Add($"{path}: expected {constant.ToJsonString()}");
        if (schema["enum"] is JsonArray options && !options.Any(option => JsonNode.DeepEquals(option, value)))
            errors.Add($"{path}: {value?.ToJsonString()} is not one of {options.ToJsonString()}");
        if (schema["anyOf"] is JsonArray alternatives && !alternatives.Any(alternative => Valid(alternative!.AsObject(), value, path)))
            errors.Add($"{path}: matches none of the allowed element types ({value?["type"]?.ToJsonString()})");
        if (value is JsonObject obj) CheckObject(schema, obj, path, errors);
        if (value is JsonArray array) CheckArray(schema, array, path, errors);
        if (value is JsonValue text && text.GetValueKind() == JsonValueKind.String) CheckString(schema, text.GetValue<string>(), path, errors);
    }

    private void CheckObject(JsonObject schema, JsonObject obj, string path, List<string> errors)
    {
        foreach (var name in schema["required"]?.AsArray().Select(n => n!.GetValue<string>()) ?? [])
            if (!obj.ContainsKey(name)) errors.Add($"{path}: missing required {name}");
        var properties = schema["properties"]?.AsObject();
        foreach (var (name, child) in obj)
        {
            if (properties?[name] is JsonObject propertySchema) Check(propertySchema, child, $"{path}.{name}", errors);
            else if (schema["additionalProperties"] is JsonValue allowed && !allowed.GetValue<bool>()) errors.Add($"{path}: unexpected property {name}");
        }
    }

    private void CheckArray(JsonObject schema, JsonArray array, string path, List<string> errors)
    {
        if (schema["minItems"] is { } min && array.Count < min.GetValue<int>()) errors.Add($"{path}: fewer than {min} items");
        if (schema["items"] is JsonObject itemSchema)
            for (var i = 0; i < array.Count; i++) Check(itemSchema, array[i], $"{path}[{i}]", errors);
    }

    private static void CheckString(JsonObject schema, string text, string path, List<string> errors)
    {
        if (schema["pattern"] is { } pattern && !Regex.IsMatch(text, pattern.GetValue<string>())) errors.Add($"{path}: does not match {pattern}");
        if (schema["format"]?.GetValue<string>() == "uri" && !Uri.TryCreate(text, UriKind.Absolute, out _)) errors.Add($"{path}: not an absolute URI");
    }

    private bool Valid(JsonObject schema, JsonNode? value, string path)
    {
        var errors = new List<string>();
        Check(schema, value, path, errors);
        return errors.Count == 0;
    }

    private JsonObject Resolve(string reference) => reference.StartsWith("#/$defs/", StringComparison.Ordinal)
        ? root["$defs"]![reference["#/$defs/".Length..]]!.AsObject()
        : throw new NotSupportedException($"Only local $defs references are supported: {reference}");

    private static bool TypeMatches(JsonNode type, JsonNode? value) => type is JsonArray types
        ? types.Any(t => KindOf(value) == t!.GetValue<string>() || (t.GetValue<string>() == "number" && KindOf(value) == "integer"))
        : KindOf(value) == type.GetValue<string>() || (type.GetValue<string>() == "number" && KindOf(value) == "integer");

    private static string KindOf(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        _ => value.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Number => value.ToJsonString().Contains('.', StringComparison.Ordinal) ? "number" : "integer",
            _ => "null",
        },
    };
}
