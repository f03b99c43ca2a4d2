using AdminMfaWatchdog.Infrastructure.Hosting;
using AdminMfaWatchdog.Infrastructure.Hosting.Changes;
using Microsoft.Azure.Functions.Worker;

namespace AdminMfaWatchdog.Functions.Functions;

/// <summary>
/// The background triggers: the change queue (a failed message is retried by the Functions host and,
/// after host.json's maxDequeueCount of 5, moved to <c>watchdog-changes-poison</c>), the hourly
/// subscription check, and the audit-log poll every minute.
/// </summary>
public sealed class ChangeFunctions(WatchdogHost host)
{
    [Function("ChangeQueue")]
    public Task ProcessChange([QueueTrigger(ChangeQueue.DefaultName, Connection = "AzureWebJobsStorage")] string message, CancellationToken cancellationToken) =>
        host.Changes.ProcessAsync(ChangeMessage.Parse(message), cancellationToken);

    // RunOnStartup: a fresh deployment subscribes at once instead of within the hour. Instances starting
    // together may both create one; the next check keeps one per resource and deletes the others.
    [Function("SubscriptionRenewal")]
    public Task RenewSubscriptions([TimerTrigger("0 0 * * * *", RunOnStartup = true)] TimerInfo timer, CancellationToken cancellationToken) =>
        host.Subscriptions?.EnsureAsync(cancellationToken) ?? Task.CompletedTask;

    [Function("AuditPoller")]
    public Task PollAuditLog([TimerTrigger("0 * * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        host.Audit?.PollAsync(cancellationToken) ?? Task.CompletedTask;
}
