namespace AdminMfaWatchdog.Infrastructure.Tests.Storage;

/// <summary>
/// Finds Azurite's table service launcher: the project-local install in .tools/azurite (searched
/// upwards from the test binaries, so it works from any build output folder), else one on PATH.
/// </summary>
internal static class AzuriteLocator
{
    private static readonly string LauncherName = OperatingSystem.IsWindows() ? "azurite-table.cmd" : "azurite-table";

    public static string FindTableServiceExecutable() =>
        FindProjectLocal() ?? FindOnPath() ?? throw new InvalidOperationException(
            $"Azurite (npm package 'azurite') was not found: looked for .tools/azurite/node_modules/.bin/{LauncherName} "
            + $"in the folders above {AppContext.BaseDirectory} and for {LauncherName} on PATH. "
            + "Run scripts/install-azurite.sh from the repository root, then run the tests again.");

    private static string? FindProjectLocal()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, ".tools", "azurite", "node_modules", ".bin", LauncherName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string? FindOnPath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, LauncherName))
            .FirstOrDefault(File.Exists);
}
