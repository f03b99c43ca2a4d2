using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AdminMfaWatchdog.Infrastructure.Storage.Queues;
using AdminMfaWatchdog.Infrastructure.Storage.Tables;

namespace AdminMfaWatchdog.Infrastructure.Tests.Storage;

/// <summary>
/// Runs Azurite's table and queue services (installed by scripts/install-azurite.sh), each its own process
/// on a free loopback port with in-memory persistence, for the tests of the Azurite collection, and stops
/// them afterwards.
/// A missing Azurite fails the tests: a silently skipped storage suite would look green.
/// Free of xunit (its lifetime is declared in AzuriteCollection.cs), so the benchmarks can start the same emulator.
/// </summary>
public sealed partial class AzuriteFixture
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(30);

    private readonly List<Process> _services = [];

    public Uri TableEndpoint { get; private set; } = null!;

    public Uri QueueEndpoint { get; private set; } = null!;

    /// <summary>A connection string for the emulator's development account on this fixture's ports.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={TableConnectionString.DevelopmentAccountName};"
        + $"AccountKey={TableConnectionString.DevelopmentAccountKey};TableEndpoint={TableEndpoint};QueueEndpoint={QueueEndpoint};";

    public TableServiceClient CreateServiceClient(TableClientOptions? options = null) =>
        new(ConnectionString, options ?? FastRetries());

    /// <summary>A fresh table with a unique name, so tests sharing the emulator never see each other's rows.</summary>
    public async Task<TableClient> CreateTableAsync()
    {
        var table = CreateServiceClient().GetTableClient($"t{Guid.NewGuid():N}");
        await table.CreateIfNotExistsAsync();
        return table;
    }

    /// <summary>A fresh queue with a unique name, so tests sharing the emulator never see each other's messages.</summary>
    public async Task<QueueClient> CreateQueueAsync(QueueClientOptions? options = null)
    {
        var queue = new QueueServiceClient(ConnectionString, options ?? FastRetries(new QueueClientOptions()))
            .GetQueueClient($"q{Guid.NewGuid():N}");
        await queue.CreateIfNotExistsAsync();
        return queue;
    }

    /// <summary>Short retries: an emulator on loopback either answers at once or not at all.</summary>
    public static TableClientOptions FastRetries() => FastRetries(new TableClientOptions());

    /// <inheritdoc cref="FastRetries()"/>
    public static TOptions FastRetries<TOptions>(TOptions options)
        where TOptions : Azure.Core.ClientOptions
    {
        options.Retry.MaxRetries = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(50);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(100);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        return options;
    }

    public async Task InitializeAsync()
    {
        try
        {
            // Started side by side: each takes a second or two to listen.
            var tablePort = StartAsync(AzuriteLocator.FindTableServiceExecutable(), "--tableHost", "--tablePort");
            var queuePort = StartAsync(AzuriteLocator.FindQueueServiceExecutable(), "--queueHost", "--queuePort");
            await Task.WhenAll(tablePort, queuePort);
            TableEndpoint = new Uri($"http://127.0.0.1:{await tablePort}/{TableConnectionString.DevelopmentAccountName}");
            QueueEndpoint = new Uri($"http://127.0.0.1:{await queuePort}/{TableConnectionString.DevelopmentAccountName}");
        }
        catch
        {
            // xUnit does not dispose a fixture that failed to start: stop whichever service did start.
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var service in _services)
        {
            if (!service.HasExited)
            {
                service.Kill(entireProcessTree: true);
                await service.WaitForExitAsync();
            }

            service.Dispose();
        }
    }

    /// <returns>The loopback port the service listens on.</returns>
    private async Task<int> StartAsync(string executable, string hostOption, string portOption)
    {
        var port = FreeLoopbackPort();
        var startInfo = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in new[]
        {
            hostOption, "127.0.0.1", portOption, port.ToString(CultureInfo.InvariantCulture),
            "--inMemoryPersistence", "--skipApiVersionCheck", "--silent", "--disableTelemetry",
        })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var service = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {executable}.");
        _services.Add(service);
        await WaitUntilListeningAsync(service);
        return port;
    }

    // Azurite prints "... successfully started on ..." (table) or "... successfully listens on ..." (queue) once it
    // accepts connections. Both streams are
    // drained to the end so a chatty emulator can never block on a full pipe.
    private static async Task WaitUntilListeningAsync(Process azurite)
    {
        var errors = azurite.StandardError.ReadToEndAsync();
        var output = new StringBuilder();
        using var timeout = new CancellationTokenSource(StartupTimeout);
        try
        {
            while (await azurite.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                output.AppendLine(line);
                if (line.Contains("successfully started", StringComparison.OrdinalIgnoreCase)
                    || line.Contains("successfully listens", StringComparison.OrdinalIgnoreCase))
                {
                    _ = azurite.StandardOutput.ReadToEndAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            azurite.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"Azurite did not start within {StartupTimeout.TotalSeconds} s. Output:\n{output}");
        }

        throw new InvalidOperationException($"Azurite exited before listening. Output:\n{output}{await errors}");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
