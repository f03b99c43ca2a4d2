using System.Globalization;
using System.Text.Json;
using AdminMfaWatchdog.Infrastructure.Hosting.Endpoints;
using Azure;
using Microsoft.Extensions.Logging;

namespace AdminMfaWatchdog.Infrastructure.Hosting.Changes;

/// <summary>
/// The two endpoints Graph calls: <c>/api/graph/notifications</c> and <c>/api/graph/lifecycle</c>. Both
/// answer Graph's validation handshake, keep only notifications that carry the configured client state,
/// belong to this tenant and to a subscription that has not expired, persist them to the change queue and answer 202;
/// nothing is scanned on the request thread. Graph retries what got no 2xx, so a queue that cannot be
/// written answers 503.
/// </summary>
public sealed class NotificationIntake
{
    /// <summary>Graph's tokens are short; a long one is not from Graph.</summary>
    private const int MaxValidationTokenLength = 1024;

    private static readonly string[] LifecycleEvents = ["reauthorizationRequired", "subscriptionRemoved", "missed"];

    private readonly WatchdogRuntime _runtime;
    private readonly ILogger _logger;
    private readonly PendingChanges _pending = new();

    public NotificationIntake(WatchdogRuntime runtime, ILogger<NotificationIntake> logger)
    {
        _runtime = runtime;
        _logger = logger;
        runtime.ScanStarting += _ => _pending.Clear();
    }

    public Task<HostResponse> HandleNotificationsAsync(string? validationToken, Stream body, CancellationToken cancellationToken) =>
        HandleAsync(validationToken, body, ChangeSource.Notification, cancellationToken);

    public Task<HostResponse> HandleLifecycleAsync(string? validationToken, Stream body, CancellationToken cancellationToken) =>
        HandleAsync(validationToken, body, ChangeSource.Lifecycle, cancellationToken);

    private async Task<HostResponse> HandleAsync(string? validationToken, Stream body, ChangeSource source, CancellationToken cancellationToken)
    {
        if (_runtime.Notifications.ClientState is not { } clientState || _runtime.Changes is not { } queue)
            return HostResponse.Error(404, "change notifications are not configured on this host (Notifications:ClientState and storage)");
        if (validationToken is not null) return Validate(validationToken);

        IReadOnlyList<JsonElement> items;
        try
        {
            items = await NotificationBody.ReadAsync(body, cancellationToken).ConfigureAwait(false);
        }
        catch (MalformedNotificationException malformed)
        {
            _logger.LogWarning("Refused a {Source} request: {Problem}.", source, malformed.Message);
            return HostResponse.Error(malformed.StatusCode, malformed.Message);
        }

        var now = _runtime.Clock.GetUtcNow();
        var valid = items.Where(item => IsGenuine(item, clientState, source, now)).ToList();
        if (valid.Count < items.Count)
            _logger.LogWarning("Ignored {Count} of {Total} {Source} notification(s): wrong client state, tenant or shape, or an expired subscription.", items.Count - valid.Count, items.Count, source);
        if (valid.Count == 0) return HostResponse.Error(403, "no valid notification in the request");

        var fresh = valid.Select(item => (Item: item, Fingerprint: PendingChanges.Fingerprint(item.GetRawText())))
            .Where(pair => _pending.TryAdd(pair.Fingerprint))
            .ToList();
        if (fresh.Count == 0) return HostResponse.Accepted();
        try
        {
            await queue.EnqueueAsync(new ChangeMessage(source, now, fresh.Select(pair => ToChange(pair.Item)).ToList()), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException failure)
        {
            foreach (var pair in fresh) _pending.Remove(pair.Fingerprint);
            _logger.LogError("Could not persist {Count} {Source} notification(s) to queue {Queue} ({Status} {Code}); Graph will retry them.",
                fresh.Count, source, queue.Name, failure.Status, failure.ErrorCode);
            return HostResponse.Error(503, "the notifications could not be persisted; retry later");
        }
        _logger.LogInformation("Queued {Count} {Source} notification(s).", fresh.Count, source);
        return HostResponse.Accepted();
    }

    // Graph wants the decoded token back, exactly, as text/plain; the host adds nosniff so a browser never renders it.
    private static HostResponse Validate(string token) =>
        token.Length is 0 or > MaxValidationTokenLength
            ? HostResponse.Error(400, "the validation token is empty or too long")
            : HostResponse.Text(200, token);

    private bool IsGenuine(JsonElement item, string clientState, ChangeSource source, DateTimeOffset now)
    {
        if (item.ValueKind != JsonValueKind.Object) return false;
        if (!SecretComparison.AreEqual(NotificationBody.String(item, "clientState"), clientState)) return false;
        if (!Guid.TryParse(NotificationBody.String(item, "subscriptionId"), out _)) return false;
        if (_runtime.TenantId is { } tenant && NotificationBody.String(item, "tenantId") is { } claimed
            && !string.Equals(claimed, tenant, StringComparison.OrdinalIgnoreCase)) return false;
        // A notification about a subscription that has already expired is a replay of an old one.
        if (!DateTimeOffset.TryParse(NotificationBody.String(item, "subscriptionExpirationDateTime"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expires)
            || expires < now) return false;
        return source == ChangeSource.Lifecycle
            ? LifecycleEvents.Contains(NotificationBody.String(item, "lifecycleEvent"), StringComparer.Ordinal)
            : NotificationBody.String(item, "changeType") is not null && NotificationBody.String(item, "resource") is not null;
    }

    private static ChangeItem ToChange(JsonElement item) => new(
        NotificationBody.String(item, "subscriptionId")!,
        NotificationBody.String(item, "changeType"),
        NotificationBody.String(item, "resource"),
        NotificationBody.String(item, "lifecycleEvent"));
}
