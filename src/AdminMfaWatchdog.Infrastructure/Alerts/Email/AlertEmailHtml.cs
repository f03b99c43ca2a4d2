using System.Net;
using System.Text;
using AdminMfaWatchdog.Core.Alerts;

namespace AdminMfaWatchdog.Infrastructure.Alerts.Email;

/// <summary>
/// The email body: the same content as the Teams card as a plain, accessible HTML document: a heading
/// per severity, a table with header cells scoped to columns and rows, no images, no styles it depends on.
/// Everything from the tenant is HTML-encoded.
/// </summary>
internal static class AlertEmailHtml
{
    /// <summary>Keeps a runaway batch within Graph's request size; the webhook and the ledger have every item.</summary>
    public const int MaxItems = 1000;

    public static string Subject(AlertBatch batch) => $"[{AlertText.Product}] {AlertText.Title(batch)} ({AlertText.SeverityCounts(batch)})";

    public static string Body(AlertBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(Encode(AlertText.Title(batch))).Append("</title></head><body>");
        html.Append("<h1>").Append(Encode(AlertText.Title(batch))).Append("</h1>");
        html.Append("<p>").Append(Encode(AlertText.Context(batch))).Append("</p>");
        foreach (var group in batch.Items.Take(MaxItems).GroupBy(item => item.Severity))
        {
            var label = AlertText.SeverityLabel(group.Key);
            var total = batch.Items.Count(item => item.Severity == group.Key);
            html.Append("<h2>").Append(Encode($"{label} ({total})")).Append("</h2>");
            html.Append("<table border=\"1\" cellpadding=\"4\"><caption>").Append(Encode($"{label} severity")).Append("</caption>");
            html.Append("<thead><tr>");
            foreach (var column in new[] { "Change", "Subject", "Rule", "Reason", "Action", "Link" })
                html.Append("<th scope=\"col\">").Append(column).Append("</th>");
            html.Append("</tr></thead><tbody>");
            foreach (var item in group) AppendRow(html, item);
            html.Append("</tbody></table>");
        }

        if (batch.Items.Count > MaxItems)
            html.Append("<p>").Append(Encode($"…and {batch.Items.Count - MaxItems} more not shown. The webhook and the findings ledger have them all.")).Append("</p>");
        html.Append("<p>").Append(Encode($"Batch {batch.BatchId}. Sent by {AlertText.Product}.")).Append("</p></body></html>");
        return html.ToString();
    }

    private static void AppendRow(StringBuilder html, AlertItem item)
    {
        html.Append("<tr><th scope=\"row\">").Append(Encode(AlertText.KindLabel(item.Kind))).Append("</th>");
        foreach (var cell in new[] { AlertText.Subject(item.Subject), AlertText.Rule(item), AlertText.Reason(item), AlertText.Action(item.Action) })
            html.Append("<td>").Append(Encode(cell)).Append("</td>");
        html.Append("<td>");
        if (item.Link is not null)
            html.Append("<a href=\"").Append(Encode(item.Link)).Append("\">Open in the Entra admin center</a>");
        html.Append("</td></tr>");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
