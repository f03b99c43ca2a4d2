using GraphSimulator;
using GraphSimulator.State;

CommandLine commandLine;
try
{
    commandLine = CommandLine.Parse(args);
}
catch (ArgumentException error)
{
    await Console.Error.WriteLineAsync($"{error.Message}\n\n{CommandLine.Usage}");
    return 2;
}

TenantState state;
try
{
    state = commandLine.SnapshotPath is { } path
        ? await TenantState.FromFileAsync(path, CancellationToken.None)
        : TenantState.Empty("00000000-0000-0000-0000-000000000000");
}
catch (Exception error) when (error is IOException or InvalidDataException or System.Text.Json.JsonException or UnauthorizedAccessException)
{
    await Console.Error.WriteLineAsync($"{commandLine.SnapshotPath}: {error.Message}");
    return 2;
}

await using var host = await GraphSimulatorHost.StartAsync(state, commandLine.Options, url: commandLine.Url);
await Console.Out.WriteLineAsync($"Graph simulator serving tenant {state.Read(d => d.TenantId)} at {host.BaseUrl} (stats: {host.RootUrl}/_simulator/stats). Ctrl+C stops it.");
await host.WaitForShutdownAsync();
return 0;
