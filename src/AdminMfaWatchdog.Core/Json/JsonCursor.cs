using System.Text.Json;

namespace AdminMfaWatchdog.Core.Json;

/// <summary>
/// A JSON value together with where it sits (source and JSON path), so that every accessor can fail
/// with a message a person can act on. Absent and <c>null</c> are treated alike: Graph sends both.
/// </summary>
public readonly struct JsonCursor(JsonElement element, string source, string path)
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public JsonElement Element { get; } = element;
    public string Source { get; } = source;
    public string Path { get; } = path;

    public static JsonDocument ParseDocument(Stream utf8Json, string source)
    {
        try
        {
            return JsonDocument.Parse(utf8Json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } l ? $" at line {l + 1}, position {ex.BytePositionInLine + 1}" : "";
            throw new InvalidInputException(source, "$", $"not valid JSON{line}");
        }
    }

    public InvalidInputException Error(string problem) => new(Source, Path, problem);

    public JsonCursor ExpectObject() =>
        Element.ValueKind == JsonValueKind.Object ? this : throw Error($"expected an object, found {Describe(Element)}");

    public JsonCursor? Property(string name)
    {
        ExpectObject();
        return Element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? new JsonCursor(value, Source, ChildPath(name))
            : null;
    }

    public string RequiredString(string name) =>
        OptionalString(name) ?? throw new InvalidInputException(Source, ChildPath(name), "required string is missing");

    public string? OptionalString(string name) => Property(name)?.AsString();

    public string AsString() =>
        Element.ValueKind == JsonValueKind.String ? Element.GetString()! : throw Error($"expected a string, found {Describe(Element)}");

    public bool Bool(string name, bool whenAbsent)
    {
        if (Property(name) is not { } value) return whenAbsent;
        return value.Element.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw value.Error($"expected true or false, found {Describe(value.Element)}"),
        };
    }

    public int Int(string name, int whenAbsent)
    {
        if (Property(name) is not { } value) return whenAbsent;
        return value.Element.ValueKind == JsonValueKind.Number && value.Element.TryGetInt32(out var n)
            ? n
            : throw value.Error($"expected a whole number, found {Describe(value.Element)}");
    }

    public DateTimeOffset? OptionalDateTime(string name)
    {
        if (Property(name) is not { } value) return null;
        return value.Element.ValueKind == JsonValueKind.String && value.Element.TryGetDateTimeOffset(out var at)
            ? at
            : throw value.Error($"expected an ISO 8601 date-time, found {Describe(value.Element)}");
    }

    /// <summary>The elements of an array property; an absent or null property is an empty array.</summary>
    public IEnumerable<JsonCursor> Array(string name) => Property(name)?.Items() ?? [];

    public IEnumerable<JsonCursor> Items()
    {
        if (Element.ValueKind != JsonValueKind.Array) throw Error($"expected an array, found {Describe(Element)}");
        return Enumerate(Element, Source, Path);

        static IEnumerable<JsonCursor> Enumerate(JsonElement array, string source, string path)
        {
            var i = 0;
            foreach (var item in array.EnumerateArray()) yield return new JsonCursor(item, source, $"{path}[{i++}]");
        }
    }

    public IReadOnlyList<string> StringArray(string name) => Array(name).Select(item => item.AsString()).ToArray();

    /// <summary>Graph writes flag enums as one comma-separated string ("internalGuest,b2bCollaborationGuest").</summary>
    public IReadOnlyList<string> FlagsString(string name) =>
        OptionalString(name)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];

    public IEnumerable<(string Name, JsonCursor Value)> Properties()
    {
        ExpectObject();
        foreach (var property in Element.EnumerateObject())
            yield return (property.Name, new JsonCursor(property.Value, Source, ChildPath(property.Name)));
    }

    /// <summary>Configuration is strict: a key that means nothing is a typo that would silently change behaviour.</summary>
    public void RejectUnknownKeys(params string[] known)
    {
        foreach (var (name, value) in Properties())
        {
            if (!known.Contains(name, StringComparer.Ordinal))
                throw value.Error($"unknown key '{name}' (expected one of: {string.Join(", ", known)})");
        }
    }

    public string ChildPath(string name) =>
        name.All(c => char.IsLetterOrDigit(c) || c == '_') ? $"{Path}.{name}" : $"{Path}['{name}']";

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
