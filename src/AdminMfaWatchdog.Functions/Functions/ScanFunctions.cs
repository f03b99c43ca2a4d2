using AdminMfaWatchdog.Core.Ports;
using AdminMfaWatchdog.Infrastructure.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace AdminMfaWatchdog.Functions.Functions;

/// <summary>The scan triggers: on a schedule (<c>Watchdog:ScanSchedule</c>, NCRONTAB) and on demand over HTTP (function key).</summary>
public sealed class ScanFunctions(WatchdogHost host)
{
    [Function("TimerScan")]
    public Task TimerScan([TimerTrigger("%Watchdog:ScanSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        host.Runtime.ScanAsync(ScanTriggers.Timer, dryRun: false, cancellationToken);

    [Function("HttpScan")]
    public async Task<IActionResult> HttpScan(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "scan")] HttpRequest request, CancellationToken cancellationToken) =>
        HttpResults.From(await host.Scans.ScanAsync(request.Query["dryRun"], cancellationToken), request);

    [Function("Findings")]
    public async Task<IActionResult> Findings(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "findings")] HttpRequest request, CancellationToken cancellationToken) =>
        HttpResults.From(await host.Scans.FindingsAsync(request.Query["status"], cancellationToken), request);

    [Function("Report")]
    public async Task<IActionResult> Report(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "report")] HttpRequest request, CancellationToken cancellationToken) =>
        HttpResults.From(await host.Scans.ReportAsync(cancellationToken), request);

    [Function("Health")]
    public async Task<IActionResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request, CancellationToken cancellationToken) =>
        HttpResults.From(await host.Scans.HealthAsync(cancellationToken), request);
}
