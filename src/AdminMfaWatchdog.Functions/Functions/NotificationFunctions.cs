using AdminMfaWatchdog.Infrastructure.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace AdminMfaWatchdog.Functions.Functions;

/// <summary>
/// The routes Graph calls. Anonymous at the Functions level: Graph cannot send a function key header,
/// and every notification is checked against <c>Notifications:ClientState</c> before anything is queued.
/// </summary>
public sealed class NotificationFunctions(WatchdogHost host)
{
    [Function("GraphNotifications")]
    public async Task<IActionResult> Notifications(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "graph/notifications")] HttpRequest request, CancellationToken cancellationToken) =>
        HttpResults.From(await host.Notifications.HandleNotificationsAsync(request.Query["validationToken"], request.Body, cancellationToken), request);

    [Function("GraphLifecycle")]
    public async Task<IActionResult> Lifecycle(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "graph/lifecycle")] HttpRequest request, CancellationToken cancellationToken) =>
        HttpResults.From(await host.Notifications.HandleLifecycleAsync(request.Query["validationToken"], request.Body, cancellationToken), request);
}
