using AdminMfaWatchdog.Infrastructure.Hosting.Endpoints;
using AdminMfaWatchdog.Infrastructure.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AdminMfaWatchdog.Cli.Serve;

/// <summary>The Functions app's HTTP routes on Kestrel: each maps a request onto a Hosting handler and its answer back.</summary>
internal static class ServeRoutes
{
    public static void Map(WebApplication app, WatchdogHost host)
    {
        var key = host.Runtime.Host.FunctionKey;
        app.MapPost("/api/scan", (HttpRequest request, CancellationToken ct) =>
            Protected(request, key, () => host.Scans.ScanAsync(request.Query["dryRun"], ct)));
        app.MapGet("/api/findings", (HttpRequest request, CancellationToken ct) =>
            Protected(request, key, () => host.Scans.FindingsAsync(request.Query["status"], ct)));
        app.MapGet("/api/report", (HttpRequest request, CancellationToken ct) =>
            Protected(request, key, () => host.Scans.ReportAsync(ct)));
        app.MapGet("/api/health", async (CancellationToken ct) => Write(await host.Scans.HealthAsync(ct)));
        app.MapPost("/api/graph/notifications", async (HttpRequest request, CancellationToken ct) =>
            Write(await host.Notifications.HandleNotificationsAsync(request.Query["validationToken"], request.Body, ct)));
        app.MapPost("/api/graph/lifecycle", async (HttpRequest request, CancellationToken ct) =>
            Write(await host.Notifications.HandleLifecycleAsync(request.Query["validationToken"], request.Body, ct)));
    }

    private static async Task<IResult> Protected(HttpRequest request, string? key, Func<Task<HostResponse>> handler) =>
        FunctionKey.Allows(key, request.Headers[FunctionKey.HeaderName], request.Query[FunctionKey.QueryName])
            ? Write(await handler())
            : Write(FunctionKey.Unauthorized);

    private static IResult Write(HostResponse response) => Results.Text(response.Body, response.ContentType, statusCode: response.StatusCode);
}
