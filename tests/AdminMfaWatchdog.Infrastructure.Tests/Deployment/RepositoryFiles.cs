namespace AdminMfaWatchdog.Infrastructure.Tests.Deployment;

/// <summary>Files of the repository the tests run from (docs, infra), found above the test output.</summary>
internal static class RepositoryFiles
{
    public static readonly string Root = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(PathOf(parts));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AdminMfaWatchdog.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException("no AdminMfaWatchdog.sln above the test output");
    }
}
