using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GraphSimulator.Tests.ChangeTracking;

/// <summary>One request the receiver got, as it arrived on the wire.</summary>
internal sealed record ReceivedRequest(string Path, string RawQuery, string? ContentType, string Body)
{
    public string? ValidationToken => Query("validationToken");

    public bool IsValidation => ValidationToken is not null;

    public JsonArray Value => JsonNode.Parse(Body)!["value"]!.AsArray();

    /// <summary>The decoded value, as ASP.NET Core (and so the watchdog) reads it.</summary>
    public string? Query(string name) => QueryHelpers.ParseQuery(RawQuery).TryGetValue(name, out var value) ? value.ToString() : null;
}

/// <summary>
/// A webhook endpoint on a free loopback port, like the watchdog's: by default it passes Graph's
/// handshake (200, text/plain, the decoded token) and accepts notifications with 202. Tests swap
/// <see cref="Answer"/> to misbehave.
/// </summary>
internal sealed class NotificationReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();

    private NotificationReceiver(WebApplication app, string rootUrl)
    {
        _app = app;
        RootUrl = rootUrl;
    }

    public string RootUrl { get; }

    /// <summary>How the receiver answers; the request is recorded before it is asked.</summary>
    public Func<HttpContext, ReceivedRequest, Task> Answer { get; set; } = AnswerLikeGraphExpects;

    public IReadOnlyList<ReceivedRequest> Received => _received.ToList();

    public IReadOnlyList<ReceivedRequest> Notifications => _received.Where(r => !r.IsValidation).ToList();

    public string Url(string path) => RootUrl + path;

    public static async Task<NotificationReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        NotificationReceiver? receiver = null;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var request = new ReceivedRequest(context.Request.Path, context.Request.QueryString.Value ?? string.Empty,
                context.Request.ContentType, await reader.ReadToEndAsync(context.RequestAborted));
            receiver!._received.Enqueue(request);
            await receiver.Answer(context, request);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new NotificationReceiver(app, address);
        return receiver;
    }

    public static async Task AnswerLikeGraphExpects(HttpContext context, ReceivedRequest request)
    {
        if (request.ValidationToken is { } token)
        {
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync(token);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
