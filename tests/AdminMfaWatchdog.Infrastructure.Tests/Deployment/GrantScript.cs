using System.Diagnostics;

namespace AdminMfaWatchdog.Infrastructure.Tests.Deployment;

/// <summary>infra/grant-graph-permissions.sh in its plan-only mode: what it would grant, without Azure.</summary>
internal static class GrantScript
{
    public sealed record Result(int ExitCode, IReadOnlyList<string> Permissions, string Errors);

    public static Result Plan(string arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RepositoryFiles.PathOf("infra", "grant-graph-permissions.sh"));
        foreach (var argument in arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)) start.ArgumentList.Add(argument);
        start.ArgumentList.Add("--dry-run");
        start.ArgumentList.Add("--plan-only");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30))) throw new TimeoutException("grant-graph-permissions.sh did not finish in 30 s");
        var permissions = output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new Result(process.ExitCode, permissions, errors);
    }
}
