using System.CommandLine;
using AdminMfaWatchdog.Cli.Commands;

namespace AdminMfaWatchdog.Cli;

/// <summary>The `watchdog` command line. Hosts (Program, tests) pass the writers so output can be captured.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var root = new RootCommand("AdminMfaWatchdog: is every administrator forced through MFA right now, and if not, exactly why?")
        {
            ScanCommand.Create(stdout, stderr),
            ExportCommand.Create(stderr),
            FindingsCommand.Create(stdout, stderr),
            ServeCommand.Create(stderr),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) await stderr.WriteLineAsync($"error: {error.Message}");
            await stderr.WriteLineAsync("Run 'watchdog --help' for usage.");
            return ExitCodes.BadInput;
        }
        return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, cancellationToken);
    }
}
