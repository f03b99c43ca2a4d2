namespace GraphSimulator.ChangeTracking;

public enum DeliveryKind { Validation, Notification, Lifecycle }

/// <summary>One POST the simulator made to a notification or lifecycle endpoint.</summary>
/// <param name="Url">The URL as requested, query string included.</param>
/// <param name="Attempt">1 for the first try, then 2, 3... for retries of the same payload.</param>
/// <param name="Status">The answer's status; null when none came in time or the connection failed.</param>
/// <param name="Payload">The body sent: the JSON collection, or empty for a validation request.</param>
public sealed record NotificationDelivery(DeliveryKind Kind, string Url, int Attempt, int? Status, string Payload)
{
    public bool Succeeded => Status is >= 200 and < 300;
}
