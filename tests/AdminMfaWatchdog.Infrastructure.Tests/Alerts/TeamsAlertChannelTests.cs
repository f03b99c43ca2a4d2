using System.Text.Json.Nodes;
using AdminMfaWatchdog.Core.Alerts;
using AdminMfaWatchdog.Infrastructure.Alerts.Teams;
using Xunit.Abstractions;
using static AdminMfaWatchdog.Infrastructure.Tests.Alerts.AlertTestKit;

namespace AdminMfaWatchdog.Infrastructure.Tests.Alerts;

public sealed class TeamsAlertChannelTests(ITestOutputHelper output)
{
    private const int TeamsLimitBytes = 28 * 1024;

    private static readonly JsonSchemaSubset Schema = JsonSchemaSubset.Load(Path.Combine(AppContext.BaseDirectory, "Alerts", "adaptive-card-1.4.subset.schema.json"));

    private static async Task<ReceivedRequest> SendAsync(AlertBatch batch)
    {
        await using var receiver = await AlertReceiver.StartAsync();
        await new TeamsAlertChannel(receiver.Url, Http()).SendAsync(batch, default);
        return Assert.Single(receiver.Requests);
    }

    private static JsonObject Card(ReceivedRequest request) => JsonNode.Parse(request.Body)!["attachments"]![0]!["content"]!.AsObject();

    private static IEnumerable<string> Texts(JsonNode node) => node switch
    {
        JsonObject obj => obj.SelectMany(property => property.Key is "text" or "title" or "value" && property.Value is JsonValue text
            ? [text.GetValue<string>()]
            : property.Value is null ? [] : Texts(property.Value)),
        JsonArray array => array.SelectMany(child => child is null ? [] : Texts(child)),
        _ => [],
    };

    [Fact]
    public async Task The_message_is_an_adaptive_card_1_4_that_the_schema_accepts()
    {
        var request = await SendAsync(Mixed());

        Assert.Equal(("POST", "application/json; charset=utf-8", "scan-1"), (request.Method, request.ContentType, request.BatchId));
        Assert.Equal([], Schema.Validate(JsonNode.Parse(request.Body)));
        var card = Card(request);
        Assert.Equal(("AdaptiveCard", "1.4"), (card["type"]!.GetValue<string>(), card["version"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Items_are_grouped_by_severity_with_subject_rule_reason_action_and_a_link()
    {
        var card = Card(await SendAsync(Mixed()));

        var headings = card["body"]!.AsArray().Where(block => block!["weight"]?.GetValue<string>() == "Bolder").Select(block => block!["text"]!.GetValue<string>());
        Assert.Equal(["AdminMfaWatchdog: the scan of tenant 11111111-2222-3333-4444-555555555555 could not complete; 5 changes", "Critical (2)", "High (3)", "Medium (1)"], headings);
        var svc = card["body"]!.AsArray().OfType<JsonObject>().Single(block => Texts(block).Any(text => text.Contains("svc-backup", StringComparison.Ordinal)) && block["type"]!.GetValue<string>() == "Container"
            && Texts(block).First().StartsWith("**Reopened**", StringComparison.Ordinal));
        Assert.Equal(
            ["**Reopened**: svc-backup", "Rule", "Service account missing from the exclusion group \\(service-account-not-excluded\\)",
             "Subject", "svc-backup \\(user svc-1\\)", "Reason", "svc-backup can sign in without MFA: not targeted by any watched policy; no other policy requires MFA; third reason",
             "Action", "addGroupMember failed: read back: not a member",
             "[Open in the Entra admin center](https://entra.microsoft.com/#view/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/~/overview/userId/svc-1)", "Open in the Entra admin center"],
            Texts(svc));
        Assert.Equal("Action.OpenUrl", svc["selectAction"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Five_hundred_transitions_stay_under_28_KB_and_say_how_many_more()
    {
        var batch = Opened(500, namePrefix: "Administrator with a fairly long display name");

        var request = await SendAsync(batch);

        output.WriteLine($"Teams payload for 500 transitions: {request.Body.Length} bytes (UTF-8)");
        Assert.InRange(request.Body.Length, 20 * 1024, TeamsLimitBytes - 1);
        Assert.Equal([], Schema.Validate(JsonNode.Parse(request.Body)));
        var texts = Texts(Card(request)).ToList();
        var shown = texts.Count(text => text.StartsWith("**Opened**", StringComparison.Ordinal));
        Assert.Contains($"…and {500 - shown} more not shown: a Teams message is limited to 28 KB. The email alert, the webhook and the findings ledger have them all.", texts);
        Assert.Contains("High (500)", texts);
    }

    [Fact]
    public async Task A_display_name_with_markdown_html_and_script_is_shown_as_text()
    {
        var card = Card(await SendAsync(Mixed(name: HostileName)));

        var title = Texts(card).Single(text => text.StartsWith("**Opened**", StringComparison.Ordinal));
        Assert.Equal(
            "**Opened**: \\*\\*Boss\\*\\* \\[click\\]\\(https\\://evil.example/x\\) \\<b\\>bold\\</b\\> \\<script\\>alert\\(\'x\'\\)\\</script\\> \\_i\\_ & \"q\" - item",
            title);
    }

    [Fact]
    public void Markdown_escaping_keeps_plain_names_readable_and_breaks_lists_and_autolinks()
    {
        Assert.Equal("Alice O'Neil (alice@contoso.com)".Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal),
            MarkdownText.Escape("Alice O'Neil (alice@contoso.com)"));
        Assert.Equal("\\- not a list", MarkdownText.Escape("- not a list"));
        Assert.Equal("1\\. not a list", MarkdownText.Escape("1. not a list"));
        Assert.Equal("www\\.evil.example and ftp\\://x", MarkdownText.Escape("www.evil.example and ftp://x"));
        Assert.Equal("a b", MarkdownText.Escape("a\nb"));
    }

    [Fact]
    public async Task A_digest_card_is_valid_too()
    {
        var entries = Enumerable.Range(0, 3).Select(i => Core.Tests.Alerts.AlertKit.Entry(Core.Tests.Alerts.AlertKit.Finding($"u{i}"))).ToList();
        var digest = AlertBatchBuilder.Digest(Core.Tests.Alerts.AlertKit.Tenant, "scan-9", Core.Tests.Alerts.AlertKit.Monday, entries, Core.Findings.Severity.Low)!;

        var request = await SendAsync(digest);

        Assert.Equal([], Schema.Validate(JsonNode.Parse(request.Body)));
        Assert.StartsWith("AdminMfaWatchdog daily digest: 3 findings still open", Texts(Card(request)).First(), StringComparison.Ordinal);
        Assert.Equal("digest-2026-11-23", request.BatchId);
    }
}
