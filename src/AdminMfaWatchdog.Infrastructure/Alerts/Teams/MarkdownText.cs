using System.Text;

namespace AdminMfaWatchdog.Infrastructure.Alerts.Teams;

/// <summary>
/// Tenant text (display names, reasons) for an Adaptive Card TextBlock or fact, which renders a markdown
/// subset (bold, italic, lists, links) and which Teams auto-links: markdown-significant characters are
/// backslash-escaped and line breaks flattened, so a display name shows as written and can neither format
/// the card nor add a link to it.
/// </summary>
internal static class MarkdownText
{
    private const string Significant = "\\`*_~[](){}<>#|!";

    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c))
            {
                escaped.Append(' '); // a line break could start a list or a heading
                continue;
            }

            if (Significant.Contains(c) || StartsListItem(text, i) || BreaksAutoLink(text, i)) escaped.Append('\\');
            escaped.Append(c);
        }

        return escaped.ToString();
    }

    // "- x", "+ x" and "1. x" at the start of the text are list items.
    private static bool StartsListItem(string text, int i) =>
        (i == 0 && text[i] is '-' or '+')
        || (text[i] is '.' or ')' && i > 0 && text[..i].All(char.IsAsciiDigit));

    // "scheme://" and "www." are what auto-linking looks for; escaping the ':' or the '.' stops it.
    private static bool BreaksAutoLink(string text, int i) =>
        (text[i] == ':' && text.AsSpan(i).StartsWith("://"))
        || (text[i] == '.' && i >= 3 && text.AsSpan(i - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase));
}
