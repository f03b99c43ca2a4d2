namespace AdminMfaWatchdog.Infrastructure.Tests.Storage;

/// <summary>
/// Finds Azurite's service launchers (<c>azurite-table</c>, <c>azurite-queue</c>): the project-local install in
/// .tools/azurite (searched upwards from the test binaries, so it works from any build output folder), else on PATH.
/// </summary>
internal static class AzuriteLocator
{
    public static string FindTableServiceExecutable() => Find("azurite-table");

    public static string FindQueueServiceExecutable() => Find("azurite-queue");

    private static string Find(string launcher)
    {
        var launcherName = OperatingSystem.IsWindows() ? launcher + ".cmd" : launcher;
        return FindProjectLocal(launcherName) ?? FindOnPath(launcherName) ?? throw new InvalidOperationException(
            $"Azurite (npm package 'azurite') was not found: looked for .tools/azurite/node_modules/.bin/{launcherName} "
            + $"in the folders above {AppContext.BaseDirectory} and for {launcherName} on PATH. "
            + "Run scripts/install-azurite.sh from the repository root, then run the tests again.");
    }

    private static string? FindProjectLocal(string launcherName)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, ".tools", "azurite", "node_modules", ".bin", launcherName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string? FindOnPath(string launcherName) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, launcherName))
            .FirstOrDefault(File.Exists);
}
