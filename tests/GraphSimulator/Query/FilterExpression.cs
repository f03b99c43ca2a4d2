using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GraphSimulator.Query;

/// <summary>A parsed <c>$filter</c>, evaluated against the stored JSON of an entity.</summary>
public abstract record FilterExpression
{
    public abstract bool Matches(JsonObject entity);
}

internal sealed record AndFilter(FilterExpression Left, FilterExpression Right) : FilterExpression
{
    public override bool Matches(JsonObject entity) => Left.Matches(entity) && Right.Matches(entity);
}

internal sealed record OrFilter(FilterExpression Left, FilterExpression Right) : FilterExpression
{
    public override bool Matches(JsonObject entity) => Left.Matches(entity) || Right.Matches(entity);
}

internal sealed record NotFilter(FilterExpression Inner) : FilterExpression
{
    public override bool Matches(JsonObject entity) => !Inner.Matches(entity);
}

/// <summary><c>path op literal</c> with op one of eq, ne, gt, ge, lt, le.</summary>
internal sealed record ComparisonFilter(string Path, string Operator, JsonNode? Literal) : FilterExpression
{
    public override bool Matches(JsonObject entity)
    {
        var order = FilterValues.Compare(JsonPath.Get(entity, Path), Literal);
        if (order == FilterValues.Incomparable)
        {
            return Operator == "ne";
        }

        return Operator switch
        {
            "eq" => order == 0,
            "ne" => order != 0,
            "gt" => order > 0,
            "ge" => order >= 0,
            "lt" => order < 0,
            _ => order <= 0,
        };
    }
}

/// <summary><c>path in ('a','b')</c>.</summary>
internal sealed record InFilter(string Path, IReadOnlyList<JsonNode?> Literals) : FilterExpression
{
    public override bool Matches(JsonObject entity)
    {
        var value = JsonPath.Get(entity, Path);
        return Literals.Any(literal => FilterValues.Compare(value, literal) == 0);
    }
}

/// <summary><c>startswith(path,'x')</c> and <c>endswith(path,'x')</c>; Graph compares them case-insensitively.</summary>
internal sealed record StringFunctionFilter(string Function, string Path, string Argument) : FilterExpression
{
    public override bool Matches(JsonObject entity)
    {
        if (JsonPath.Get(entity, Path) is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return false;
        }

        var text = value.GetValue<string>();
        return Function == "startswith"
            ? text.StartsWith(Argument, StringComparison.OrdinalIgnoreCase)
            : text.EndsWith(Argument, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary><c>path/any(x:x eq 'v')</c> over a collection of strings, e.g. <c>groupTypes/any(c:c eq 'DynamicMembership')</c>.</summary>
internal sealed record AnyFilter(string Path, string Operator, JsonNode? Literal) : FilterExpression
{
    public override bool Matches(JsonObject entity) =>
        JsonPath.Get(entity, Path) is JsonArray items &&
        items.Any(item => (FilterValues.Compare(item, Literal) == 0) == (Operator == "eq"));
}

internal static class FilterValues
{
    /// <summary>Returned when the two values cannot be ordered (different kinds, or null).</summary>
    public const int Incomparable = int.MinValue;

    /// <summary>Strings compare case-insensitively, as directory string properties do on Graph.</summary>
    public static int Compare(JsonNode? actual, JsonNode? literal)
    {
        if (actual is null || literal is null)
        {
            return actual is null && literal is null ? 0 : Incomparable;
        }

        if (actual is not JsonValue a || literal is not JsonValue b)
        {
            return Incomparable;
        }

        if (b.TryGetValue<DateTimeOffset>(out var instant))
        {
            return CompareInstants(a, instant);
        }

        return (a.GetValueKind(), b.GetValueKind()) switch
        {
            (JsonValueKind.String, JsonValueKind.String) =>
                Math.Sign(string.Compare(a.GetValue<string>(), b.GetValue<string>(), StringComparison.OrdinalIgnoreCase)),
            (JsonValueKind.Number, JsonValueKind.Number) =>
                a.GetValue<double>().CompareTo(b.GetValue<double>()),
            (JsonValueKind.True or JsonValueKind.False, JsonValueKind.True or JsonValueKind.False) =>
                a.GetValue<bool>().CompareTo(b.GetValue<bool>()),
            _ => Incomparable,
        };
    }

    /// <summary>Date-time properties are stored as ISO 8601 strings, in whatever precision the snapshot used.</summary>
    private static int CompareInstants(JsonValue actual, DateTimeOffset literal) =>
        actual.GetValueKind() == JsonValueKind.String &&
        DateTimeOffset.TryParse(actual.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value.CompareTo(literal)
            : Incomparable;

    public static JsonNode? Literal(FilterToken token) => token.Kind switch
    {
        TokenKind.String => JsonValue.Create(token.Text),
        TokenKind.DateTimeOffset => JsonValue.Create(DateTimeOffset.Parse(token.Text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)),
        TokenKind.Number => JsonValue.Create(double.Parse(token.Text, CultureInfo.InvariantCulture)),
        _ => token.Text.ToLowerInvariant() switch
        {
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            _ => null,
        },
    };
}
