using System.Text.Json.Nodes;

namespace GraphSimulator.State;

/// <summary>A message accepted by <c>POST /users/{id}/sendMail</c>, kept so that tests can assert on alerts.</summary>
public sealed record SentMail(string SenderId, string? SenderUserPrincipalName, JsonObject Message, bool SaveToSentItems, DateTimeOffset SentAt)
{
    public string? Subject => Message["subject"]?.GetValue<string>();

    public IReadOnlyList<string> ToRecipients =>
        Message["toRecipients"] is JsonArray recipients
            ? recipients.Select(r => r?["emailAddress"]?["address"]?.GetValue<string>()).OfType<string>().ToList()
            : [];

    public JsonObject ToJson() => new()
    {
        ["senderId"] = SenderId,
        ["senderUserPrincipalName"] = SenderUserPrincipalName,
        ["sentAt"] = SentAt,
        ["saveToSentItems"] = SaveToSentItems,
        ["message"] = Message.DeepClone(),
    };
}
