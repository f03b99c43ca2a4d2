using System.Diagnostics;
using System.Text.Json;

namespace AdminMfaWatchdog.Cli.Tests;

/// <summary>The real executable, as a pipeline runs it: the JSON alone on stdout, the exit code set.</summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task The_watchdog_executable_writes_json_alone_to_stdout_and_exits_with_the_findings_code()
    {
        var watchdog = Path.Combine(AppContext.BaseDirectory, "watchdog.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", watchdog, "scan", "--format", "json"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(ExitCodes.Findings, process.ExitCode);
        using var report = JsonDocument.Parse(await stdout);
        Assert.True(report.RootElement.GetProperty("complete").GetBoolean());
        Assert.Contains("demo tenant", await stderr);
    }
}
