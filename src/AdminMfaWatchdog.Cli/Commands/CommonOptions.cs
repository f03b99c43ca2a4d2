using System.CommandLine;

namespace AdminMfaWatchdog.Cli.Commands;

/// <summary>The options every tenant-reading command shares.</summary>
internal sealed class CommonOptions
{
    public Option<FileInfo> Config { get; } = new("--config")
    {
        Description = "Configuration file (JSON with comments). Without it: the Watchdog section of the settings, else defaults (the demo's own configuration for the demo tenant).",
    };

    public Option<string> GraphUrl { get; } = new("--graph-url")
    {
        Description = "Microsoft Graph base URL (default https://graph.microsoft.com/v1.0, or Graph:BaseUrl); for example the Graph simulator's.",
    };

    public Option<bool> Anonymous { get; } = new("--anonymous")
    {
        Description = "Send no token (Graph:Anonymous); only allowed with a loopback --graph-url.",
    };

    public Option<string> Store { get; } = new("--store")
    {
        Description = "Azure Storage connection string of the findings ledger (Storage:ConnectionString); \"UseDevelopmentStorage=true\" for Azurite. Without it nothing is kept.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Config);
        command.Options.Add(GraphUrl);
        command.Options.Add(Anonymous);
    }
}
