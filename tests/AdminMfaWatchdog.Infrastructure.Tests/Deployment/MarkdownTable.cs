using System.Text.RegularExpressions;

namespace AdminMfaWatchdog.Infrastructure.Tests.Deployment;

/// <summary>The rows of one pipe table of a Markdown page, cells by header name.</summary>
internal static partial class MarkdownTable
{
    /// <summary>The rows of the first table whose header row starts with <paramref name="firstHeader"/>.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Rows(string markdown, string firstHeader)
    {
        var lines = markdown.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var start = Array.FindIndex(lines, l => l.StartsWith($"| {firstHeader} |", StringComparison.Ordinal));
        if (start < 0) throw new InvalidOperationException($"no table with the header '{firstHeader}'");
        var headers = Cells(lines[start]);
        return lines.Skip(start + 2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => (IReadOnlyDictionary<string, string>)headers.Zip(Cells(l)).ToDictionary(p => p.First, p => p.Second))
            .ToArray();
    }

    /// <summary>The text inside the `code spans` of a cell, in order.</summary>
    public static IReadOnlyList<string> CodeSpans(string cell) => CodeSpan().Matches(cell).Select(m => m.Groups[1].Value).ToArray();

    // An escaped pipe (\|) belongs to its cell.
    private static string[] Cells(string row) =>
        UnescapedPipe().Split(row.Trim().Trim('|')).Select(c => c.Replace("\\|", "|", StringComparison.Ordinal).Trim()).ToArray();

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();
}
