using System.Globalization;
using System.Text.Json.Nodes;

namespace GraphSimulator.ChangeTracking;

/// <summary>A stored subscription. Immutable: a renewal or a reauthorization stores a changed copy.</summary>
internal sealed record StoredSubscription(
    Guid Id,
    string Resource,
    SubscriptionResource Target,
    string ChangeType,
    string NotificationUrl,
    string? LifecycleNotificationUrl,
    string? ClientState,
    string LatestSupportedTlsVersion,
    DateTimeOffset ExpirationDateTime)
{
    /// <summary>
    /// Set by a <c>reauthorizationRequired</c> lifecycle event; cleared by <c>reauthorize</c> or a renewal.
    /// While set, notifications are not sent, and the changes meanwhile are lost, as on Graph.
    /// </summary>
    public bool ReauthorizationPending { get; init; }

    public bool Accepts(string changeType) =>
        ChangeType.Split(',', StringSplitOptions.TrimEntries).Contains(changeType, StringComparer.OrdinalIgnoreCase);

    /// <summary>The v1.0 <c>subscription</c> entity as Graph returns it (graph-facts 1.5).</summary>
    public JsonObject ToJson() => new()
    {
        ["id"] = Id.ToString(),
        ["resource"] = Resource,
        ["applicationId"] = SimulatedApp.ApplicationId,
        ["changeType"] = ChangeType,
        ["clientState"] = ClientState,
        ["notificationUrl"] = NotificationUrl,
        ["notificationQueryOptions"] = null,
        ["lifecycleNotificationUrl"] = LifecycleNotificationUrl,
        ["expirationDateTime"] = FormatExpiration(ExpirationDateTime),
        ["creatorId"] = SimulatedApp.ServicePrincipalId,
        ["includeResourceData"] = false,
        ["latestSupportedTlsVersion"] = LatestSupportedTlsVersion,
        ["encryptionCertificate"] = null,
        ["encryptionCertificateId"] = null,
        ["notificationUrlAppId"] = null,
        ["notificationContentType"] = "application/json",
    };

    /// <summary>Graph echoes <c>2026-09-17T10:00:00.0000000Z</c> back as <c>2026-09-17T10:00:00Z</c>.</summary>
    private static string FormatExpiration(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", CultureInfo.InvariantCulture);
}
