using AdminMfaWatchdog.Infrastructure.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Composition only: WatchdogHost builds everything from the app settings (DESIGN.md "Settings"); a
// setting that cannot work stops the worker at start with a message naming it.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(services => WatchdogHost.Create(
    builder.Configuration, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILoggerFactory>()));
builder.Build().Run();
