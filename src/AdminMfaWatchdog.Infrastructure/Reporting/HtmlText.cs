using System.Globalization;
using System.Net;
using System.Text.Json;

namespace AdminMfaWatchdog.Infrastructure.Reporting;

/// <summary>The few ways the report page writes values: every tenant string goes through <see cref="E"/>.</summary>
internal static class HtmlText
{
    public static string E(string text) => WebUtility.HtmlEncode(text);

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Minute(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The enum as the JSON contract spells it (camelCase): safe in attributes and class names.</summary>
    public static string Id<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static string List(IEnumerable<string> items) => "<ul>" + string.Concat(items.Select(item => $"<li>{E(item)}</li>")) + "</ul>";

    public static string Badge(string cssClass, string label) => $"<span class=\"badge {cssClass}\">{label}</span>";
}
