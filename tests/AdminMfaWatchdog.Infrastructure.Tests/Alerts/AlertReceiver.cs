using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AdminMfaWatchdog.Infrastructure.Tests.Alerts;

/// <summary>
/// A real HTTP receiver for alert webhooks (Kestrel on loopback): records every request and answers with the
/// scripted statuses in order (then 202, as Workflows does). The URL carries a fake signature, as real
/// Workflows URLs do, so tests can check it never leaks.
/// </summary>
internal sealed class AlertReceiver : IAsyncDisposable
{
    public const string Signature = "sig-TOPSECRET-0123456789abcdef";

    private readonly ConcurrentQueue<(int Status, string? RetryAfter, TimeSpan Delay)> _script = new();
    private WebApplication? _app;

    public Uri Url { get; private set; } = null!;

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>The requests answered 2xx: what the team actually got.</summary>
    public IReadOnlyList<ReceivedRequest> Accepted => Requests.Where(request => request.Status is >= 200 and < 300).ToList();

    /// <param name="port">0: any free port.</param>
    public static async Task<AlertReceiver> StartAsync(int port = 0)
    {
        var receiver = new AlertReceiver();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        receiver._app = builder.Build();
        receiver._app.Run(receiver.HandleAsync);
        await receiver._app.StartAsync();
        var bound = new Uri(receiver._app.Urls.First()).Port;
        receiver.Url = new Uri($"http://127.0.0.1:{bound}/workflows/7f3c/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig={Signature}");
        return receiver;
    }

    /// <summary>The next requests get these statuses (with <paramref name="retryAfter"/> if given), after <paramref name="delay"/>.</summary>
    public void Answer(int status, string? retryAfter = null, int times = 1, TimeSpan delay = default)
    {
        for (var i = 0; i < times; i++) _script.Enqueue((status, retryAfter, delay));
    }

    /// <summary>A port where nothing listens (yet): a receiver that is down.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static Uri DownUrl(int port) =>
        new($"http://127.0.0.1:{port}/workflows/7f3c/triggers/manual/paths/invoke?api-version=1&sig={Signature}");

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var (status, retryAfter, delay) = _script.TryDequeue(out var scripted) ? scripted : (202, null, TimeSpan.Zero);
        await Task.Delay(delay, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        Requests.Enqueue(new ReceivedRequest(
            context.Request.Method, context.Request.Path + context.Request.QueryString, context.Request.ContentType,
            context.Request.Headers["X-Watchdog-Batch-Id"].ToString(), body.ToArray(), status));
        context.Response.StatusCode = status;
        if (retryAfter is not null) context.Response.Headers.RetryAfter = retryAfter;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}

internal sealed record ReceivedRequest(string Method, string PathAndQuery, string? ContentType, string BatchId, byte[] Body, int Status);
