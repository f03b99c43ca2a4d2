using System.Text.Json;
using System.Text.Json.Serialization;

namespace AdminMfaWatchdog.Infrastructure.Hosting.Changes;

/// <summary>Why a queued change asks for a scan.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChangeSource>))]
public enum ChangeSource
{
    /// <summary>Graph change notifications (users, group members).</summary>
    Notification,

    /// <summary>A Graph lifecycle notification about one of the watchdog's subscriptions.</summary>
    Lifecycle,

    /// <summary>Directory audit entries for changes Graph cannot notify (policies, roles).</summary>
    Audit,
}

/// <summary>
/// One change, with only what the queue processor and a person reading the poison queue need, never resource
/// data. <paramref name="Id"/>: the subscription's id (notifications, lifecycle events) or the audit entry's;
/// <paramref name="Kind"/>: the change type or the audited activity; <paramref name="Resource"/>: what changed.
/// </summary>
public sealed record ChangeItem(string Id, string? Kind, string? Resource, string? LifecycleEvent = null);

/// <summary>
/// A message of the <c>watchdog-changes</c> queue: changes received together. <see cref="ReceivedAt"/> is
/// what coalescing compares with scan start times: a scan that started later has read these changes.
/// </summary>
public sealed record ChangeMessage(ChangeSource Source, DateTimeOffset ReceivedAt, IReadOnlyList<ChangeItem> Changes)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <exception cref="FormatException">the text is not a change message (a poison message).</exception>
    public static ChangeMessage Parse(string text)
    {
        try
        {
            var message = JsonSerializer.Deserialize<ChangeMessage>(text, Json);
            if (message is null || message.Changes is null || !Enum.IsDefined(message.Source))
                throw new FormatException("the message is not a change message");
            return message;
        }
        catch (JsonException problem)
        {
            throw new FormatException($"the message is not a change message: {problem.Message}", problem);
        }
    }
}
