using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AdminMfaWatchdog.Infrastructure.Tests.Deployment;

/// <summary>A loopback endpoint that passes Graph's subscription handshake (echoes the token) and accepts anything else.</summary>
internal sealed class ValidationEcho : IAsyncDisposable
{
    private WebApplication _app = null!;

    public Uri Url { get; private set; } = null!;

    public static async Task<ValidationEcho> StartAsync()
    {
        var echo = new ValidationEcho();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        echo._app = builder.Build();
        echo._app.Run(context => context.Request.Query["validationToken"] is { Count: > 0 } token
            ? Results.Text(token.ToString(), "text/plain").ExecuteAsync(context)
            : Results.StatusCode(202).ExecuteAsync(context));
        await echo._app.StartAsync();
        echo.Url = new Uri($"{echo._app.Urls.First()}/notifications");
        return echo;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
