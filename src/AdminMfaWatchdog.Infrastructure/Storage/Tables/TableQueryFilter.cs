using System.Globalization;

namespace AdminMfaWatchdog.Infrastructure.Storage.Tables;

/// <summary>
/// Turns an interpolated filter such as <c>$"PartitionKey eq {tenantId} and Occurrences gt {n}"</c>
/// into OData with every value written as a typed, escaped literal, so values can never change the
/// filter's meaning.
/// </summary>
internal static class TableQueryFilter
{
    public static string Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var literals = filter.GetArguments().Select(Literal).ToArray<object?>();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, literals);
    }

    private static string Literal(object? value) => value switch
    {
        null => "null",
        string text => Quoted(text),
        char character => Quoted(character.ToString()),
        bool flag => flag ? "true" : "false",
        int number => number.ToString(CultureInfo.InvariantCulture),
        long number => number.ToString(CultureInfo.InvariantCulture) + "L",
        double number => DoubleLiteral(number),
        DateTimeOffset instant => $"datetime'{TableEntityJson.FormatDateTime(instant)}'",
        Guid id => $"guid'{id:D}'",
        byte[] bytes => $"X'{Convert.ToHexStringLower(bytes)}'",
        _ => throw new ArgumentException(
            $"A filter value of type {value.GetType().Name} has no OData literal; use string, bool, int, long, double, DateTimeOffset, Guid or byte[].",
            nameof(value)),
    };

    // OData doubles the single quote to escape it inside a string literal.
    private static string Quoted(string text) => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";

    // A whole double needs its ".0", or the service compares it as an Int32.
    private static string DoubleLiteral(double number)
    {
        var text = number.ToString("R", CultureInfo.InvariantCulture);
        return double.IsInteger(number) && !text.Contains('E', StringComparison.Ordinal) ? text + ".0" : text;
    }
}
