using System.Globalization;
using System.Text.Json.Nodes;
using GraphSimulator.Query;
using GraphSimulator.State;
using GraphSimulator.Wire;

namespace GraphSimulator.ChangeTracking;

/// <summary>
/// The checks Graph makes on <c>POST /subscriptions</c> and on a renewal, before any handshake:
/// required properties, change types, resource, expiry window, clientState length, https URLs.
/// </summary>
internal static class SubscriptionRequest
{
    /// <summary>Directory resources (users, groups) live at most 41,760 minutes, just under 29 days.</summary>
    public const int MaxLifetimeMinutes = 41760;

    private const int MaxClientStateLength = 128;
    private static readonly string[] ChangeTypes = ["created", "updated", "deleted"];
    private static readonly string[] TlsVersions = ["v1_0", "v1_1", "v1_2", "v1_3"];

    /// <summary>A subscription to store once its URLs pass the handshake.</summary>
    public static StoredSubscription Parse(JsonObject body, TenantData data, DateTimeOffset now)
    {
        var changeType = Required(body, "changeType");
        var invalid = changeType.Split(',', StringSplitOptions.TrimEntries)
            .FirstOrDefault(t => !ChangeTypes.Contains(t, StringComparer.OrdinalIgnoreCase));
        if (invalid is not null)
        {
            throw Invalid($"'{invalid}' is not a valid change type: use created, updated and/or deleted, comma-separated.");
        }

        var resource = Required(body, "resource");
        var notificationUrl = NotificationUrl(body, "notificationUrl", required: true)!;
        var lifecycleUrl = NotificationUrl(body, "lifecycleNotificationUrl", required: false);
        var clientState = JsonPath.GetString(body, "clientState");
        if (clientState is { Length: > MaxClientStateLength })
        {
            throw Invalid($"clientState can be at most {MaxClientStateLength} characters long.");
        }

        var tls = JsonPath.GetString(body, "latestSupportedTlsVersion") ?? "v1_2";
        if (!TlsVersions.Contains(tls))
        {
            throw Invalid($"'{tls}' is not a valid latestSupportedTlsVersion: use v1_0, v1_1, v1_2 or v1_3.");
        }

        var target = SubscriptionResource.Parse(resource, data);
        return new StoredSubscription(Guid.NewGuid(), resource, target, changeType, notificationUrl, lifecycleUrl, clientState, tls,
            Expiration(body, now));
    }

    /// <summary>The requested expiry, in the future and at most <see cref="MaxLifetimeMinutes"/> ahead.</summary>
    public static DateTimeOffset Expiration(JsonObject body, DateTimeOffset now)
    {
        var text = Required(body, "expirationDateTime");
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expiration))
        {
            throw Invalid($"'{text}' is not a valid expirationDateTime.");
        }

        if (expiration <= now)
        {
            throw Invalid("Subscription expiration must be in the future.");
        }

        if (expiration - now > TimeSpan.FromMinutes(MaxLifetimeMinutes))
        {
            throw new GraphException(400, "ExtensionError",
                $"Subscription expiration can only be {MaxLifetimeMinutes} minutes in the future.");
        }

        return expiration.ToUniversalTime();
    }

    /// <summary>
    /// Graph requires https. The simulator also takes plain http on loopback hosts (127.0.0.1, localhost,
    /// ::1), where tests run their receivers without certificates.
    /// </summary>
    private static string? NotificationUrl(JsonObject body, string property, bool required)
    {
        var text = required ? Required(body, property) : JsonPath.GetString(body, property);
        if (text is null)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) ||
            !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)))
        {
            throw Invalid($"The {property} '{text}' must be an absolute https URL.");
        }

        return text;
    }

    private static string Required(JsonObject body, string property) =>
        JsonPath.GetString(body, property) is { Length: > 0 } value
            ? value
            : throw Invalid($"The property '{property}' is required.");

    private static GraphException Invalid(string message) => new(400, "InvalidRequest", message);
}
