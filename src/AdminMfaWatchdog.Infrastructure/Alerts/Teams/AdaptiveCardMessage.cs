using System.Text.Json;
using System.Text.Json.Nodes;
using AdminMfaWatchdog.Core.Alerts;
using AdminMfaWatchdog.Core.Findings;

namespace AdminMfaWatchdog.Infrastructure.Alerts.Teams;

/// <summary>
/// The Teams message for a batch: <c>{"type":"message","attachments":[{"contentType":
/// "application/vnd.microsoft.card.adaptive","content":{Adaptive Card 1.4}}]}</c>, as a Workflows
/// "When a Teams webhook request is received" trigger takes it. One card: the items grouped by severity,
/// most severe first, each with subject, rule, reason, action and a link to the Entra admin center.
/// Teams refuses messages over 28 KB, so the card keeps as many items as fit in
/// <see cref="MaxPayloadBytes"/> and ends with "and N more".
/// </summary>
internal static class AdaptiveCardMessage
{
    /// <summary>28 KB is the documented limit; failures are reported from about 26 KB, so stay below that.</summary>
    public const int MaxPayloadBytes = 26 * 1024;

    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>The serialized message (UTF-8), at most <see cref="MaxPayloadBytes"/>.</summary>
    public static byte[] Serialize(AlertBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var all = Build(batch, batch.Items.Count);
        if (all.Length <= MaxPayloadBytes) return all;

        // The most items whose card fits: items are ordered most severe first, so the least severe are cut.
        var (fits, tooMany) = (0, batch.Items.Count);
        while (tooMany - fits > 1)
        {
            var middle = (fits + tooMany) / 2;
            if (Build(batch, middle).Length <= MaxPayloadBytes) fits = middle;
            else tooMany = middle;
        }

        return Build(batch, fits);
    }

    private static byte[] Build(AlertBatch batch, int shown)
    {
        var body = new JsonArray
        {
            TextBlock(MarkdownText.Escape(AlertText.Title(batch)), ("size", "Medium"), ("weight", "Bolder")),
            TextBlock(MarkdownText.Escape(AlertText.Context(batch)), ("isSubtle", true), ("size", "Small")),
        };
        foreach (var group in batch.Items.Take(shown).GroupBy(item => item.Severity))
        {
            body.Add(TextBlock($"{AlertText.SeverityLabel(group.Key)} ({batch.Items.Count(item => item.Severity == group.Key)})",
                ("weight", "Bolder"), ("color", ColorOf(group.Key)), ("separator", true), ("spacing", "Medium")));
            foreach (var item in group) body.Add(Item(item));
        }

        if (shown < batch.Items.Count)
        {
            body.Add(TextBlock(
                $"…and {batch.Items.Count - shown} more not shown: a Teams message is limited to 28 KB. The email alert, the webhook and the findings ledger have them all.",
                ("isSubtle", true), ("separator", true)));
        }

        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = body,
            ["actions"] = new JsonArray { OpenUrl("Open the Entra admin center", EntraAdminCenter.Home) },
        };
        var message = new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray { new JsonObject { ["contentType"] = ContentType, ["contentUrl"] = null, ["content"] = card } },
        };
        return JsonSerializer.SerializeToUtf8Bytes(message);
    }

    // Our own markdown (the bold kind, the link) wraps tenant text that is escaped.
    private static JsonObject Item(AlertItem item)
    {
        var facts = new JsonArray
        {
            Fact("Rule", AlertText.Rule(item)),
            Fact("Subject", AlertText.Subject(item.Subject)),
            Fact("Reason", AlertText.Reason(item)),
            Fact("Action", AlertText.Action(item.Action)),
        };
        var items = new JsonArray
        {
            TextBlock($"**{AlertText.KindLabel(item.Kind)}**: {MarkdownText.Escape(item.Subject?.Name ?? item.Summary)}"),
            new JsonObject { ["type"] = "FactSet", ["facts"] = facts },
        };
        var container = new JsonObject { ["type"] = "Container", ["separator"] = true, ["items"] = items };
        if (item.Link is not null)
        {
            items.Add(TextBlock($"[Open in the Entra admin center]({item.Link})", ("size", "Small")));
            container["selectAction"] = OpenUrl("Open in the Entra admin center", item.Link);
        }

        return container;
    }

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = MarkdownText.Escape(value) };

    private static JsonObject OpenUrl(string title, string url) => new() { ["type"] = "Action.OpenUrl", ["title"] = title, ["url"] = url };

    private static JsonObject TextBlock(string text, params (string Name, JsonNode? Value)[] properties)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        foreach (var (name, value) in properties) block[name] = value;
        return block;
    }

    private static string ColorOf(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "Attention",
        Severity.Medium => "Warning",
        _ => "Default",
    };
}
