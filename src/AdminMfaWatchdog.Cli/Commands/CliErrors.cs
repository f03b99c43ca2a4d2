using AdminMfaWatchdog.Core.Json;
using AdminMfaWatchdog.Infrastructure.Alerts;
using AdminMfaWatchdog.Infrastructure.Graph;
using AdminMfaWatchdog.Infrastructure.Hosting;
using AdminMfaWatchdog.Infrastructure.Storage.Tables;

namespace AdminMfaWatchdog.Cli.Commands;

internal static class CliErrors
{
    /// <summary>Bad input or settings: one clear line on stderr, exit 2, nothing written.</summary>
    public static async Task<int> GuardAsync(TextWriter stderr, Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (InvalidInputException ex)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception ex) when (ex is GraphConfigurationException or SettingsException or InvalidConnectionStringException or AlertsConfigurationException)
        {
            await stderr.WriteLineAsync($"error: settings: {ex.Message}");
            return ExitCodes.BadInput;
        }
    }
}
