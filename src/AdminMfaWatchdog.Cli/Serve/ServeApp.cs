using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Infrastructure.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AdminMfaWatchdog.Cli.Serve;

/// <summary>
/// <c>watchdog serve</c>: the Azure Functions app's routes and background work on Kestrel, over the same
/// Hosting handlers. Protected routes require <c>Host:FunctionKey</c>, so serve refuses to start without one.
/// </summary>
public static class ServeApp
{
    /// <summary>Notification bodies are small; Kestrel refuses anything larger before a handler reads it.</summary>
    private const long MaxRequestBodyBytes = 2 * 1024 * 1024;

    /// <exception cref="SettingsException">a setting cannot work, or Host:FunctionKey is missing.</exception>
    /// <param name="config">a --config file's configuration; default: the Watchdog section of the settings.</param>
    public static WebApplication Build(
        IConfiguration settings, string urls, TimeProvider clock, OfflineTenant? offline, WatchdogConfig? config = null, Action<ILoggingBuilder>? logging = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
        });
        builder.Logging.ClearProviders();
        if (logging is null) builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        else logging(builder.Logging);

        builder.Services.AddSingleton(services => WatchdogHost.Create(settings, clock, services.GetRequiredService<ILoggerFactory>(), offline, config));
        builder.Services.AddHostedService(services => new ServeWorkers(
            services.GetRequiredService<WatchdogHost>(), HostSettings.ScanInterval(settings),
            services.GetRequiredService<IHostApplicationLifetime>(), services.GetRequiredService<ILoggerFactory>()));
        var app = builder.Build();
        var host = app.Services.GetRequiredService<WatchdogHost>();
        if (string.IsNullOrEmpty(host.Runtime.Host.FunctionKey))
            throw new SettingsException("Host:FunctionKey", "watchdog serve needs a key for its protected routes (/api/scan, /api/findings); set Host:FunctionKey");
        app.Use(async (context, next) =>
        {
            // Every answer is data, never a page: browsers must not sniff a type or keep a copy.
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.CacheControl = "no-store";
            await next(context);
        });
        ServeRoutes.Map(app, host);
        return app;
    }
}
