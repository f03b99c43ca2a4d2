using System.Text.RegularExpressions;

namespace AdminMfaWatchdog.Infrastructure.Tests.Deployment;

/// <summary>One Graph request as docs/permissions.md lists it: a method and a path whose {placeholders} stand for one segment.</summary>
internal sealed partial record GraphPathTemplate(string Method, string Path)
{
    private static readonly string[] Methods = ["GET", "POST", "PATCH", "PUT", "DELETE"];

    public override string ToString() => $"{Method} {Path}";

    /// <summary>"GET /users/{id-or-upn}?$select=…" without its query; null when the text is not a request.</summary>
    public static GraphPathTemplate? Parse(string text)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0 || !Methods.Contains(text[..space], StringComparer.Ordinal)) return null;
        var path = text[(space + 1)..];
        var query = path.IndexOf('?', StringComparison.Ordinal);
        return new GraphPathTemplate(text[..space], query < 0 ? path : path[..query]);
    }

    /// <summary>True when <paramref name="request"/> ("POST /groups/1234/members/$ref") is an instance of this template.</summary>
    public bool Matches(string request)
    {
        var pattern = "^" + Method + " " + string.Concat(Placeholder().Split(Path).Select((part, i) => i % 2 == 0 ? Regex.Escape(part) : "[^/]+")) + "$";
        return Regex.IsMatch(request, pattern, RegexOptions.CultureInvariant);
    }

    // Split keeps the captured placeholder names at odd indexes.
    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex Placeholder();
}

/// <summary>A row of the least-privilege table of docs/permissions.md.</summary>
internal sealed record PermissionRow(string Permission, IReadOnlyList<GraphPathTemplate> Requests);

internal static class PermissionsTable
{
    public static readonly string Markdown = RepositoryFiles.Read("docs", "permissions.md");

    public static IReadOnlyList<PermissionRow> Rows { get; } = MarkdownTable.Rows(Markdown, "Permission")
        .Select(row => new PermissionRow(
            MarkdownTable.CodeSpans(row["Permission"]).Single(),
            MarkdownTable.CodeSpans(row["Graph paths (v1.0)"]).Select(GraphPathTemplate.Parse).OfType<GraphPathTemplate>().ToArray()))
        .ToArray();

    /// <summary>Every request template the table lists, once.</summary>
    public static IReadOnlyList<GraphPathTemplate> AllRequests { get; } = Rows.SelectMany(r => r.Requests).Distinct().ToArray();
}
