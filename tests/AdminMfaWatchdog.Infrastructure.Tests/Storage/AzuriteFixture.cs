using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AdminMfaWatchdog.Infrastructure.Storage.Tables;

namespace AdminMfaWatchdog.Infrastructure.Tests.Storage;

/// <summary>
/// Runs Azurite's table service (installed by scripts/install-azurite.sh) on a free loopback port with
/// in-memory persistence for the tests of the Azurite collection, and stops it afterwards.
/// A missing Azurite fails the tests: a silently skipped storage suite would look green.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(30);

    private Process? _azurite;

    public Uri TableEndpoint { get; private set; } = null!;

    /// <summary>A connection string for the emulator's development account on this fixture's port.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={TableConnectionString.DevelopmentAccountName};"
        + $"AccountKey={TableConnectionString.DevelopmentAccountKey};TableEndpoint={TableEndpoint};";

    public TableServiceClient CreateServiceClient(TableClientOptions? options = null) =>
        new(ConnectionString, options ?? FastRetries());

    /// <summary>A fresh table with a unique name, so tests sharing the emulator never see each other's rows.</summary>
    public async Task<TableClient> CreateTableAsync()
    {
        var table = CreateServiceClient().GetTableClient($"t{Guid.NewGuid():N}");
        await table.CreateIfNotExistsAsync();
        return table;
    }

    /// <summary>Short retries: an emulator on loopback either answers at once or not at all.</summary>
    public static TableClientOptions FastRetries()
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(50);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(100);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        return options;
    }

    public async Task InitializeAsync()
    {
        var executable = AzuriteLocator.FindTableServiceExecutable();
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
            "--tableHost", "127.0.0.1", "--tablePort", port.ToString(CultureInfo.InvariantCulture),
            "--inMemoryPersistence", "--skipApiVersionCheck", "--silent", "--disableTelemetry",
        })
        {
            startInfo.ArgumentList.Add(argument);
        }

        _azurite = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {executable}.");
        await WaitUntilListeningAsync(_azurite);
        TableEndpoint = new Uri($"http://127.0.0.1:{port}/{TableConnectionString.DevelopmentAccountName}");
    }

    public async Task DisposeAsync()
    {
        if (_azurite is { HasExited: false })
        {
            _azurite.Kill(entireProcessTree: true);
            await _azurite.WaitForExitAsync();
        }

        _azurite?.Dispose();
    }

    // Azurite prints "... successfully started on ..." once it accepts connections. Both streams are
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
                if (line.Contains("successfully started", StringComparison.OrdinalIgnoreCase))
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

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
