namespace AdminMfaWatchdog.Cli;

/// <summary>DESIGN.md "Scan report": what scripts and pipelines may rely on.</summary>
public static class ExitCodes
{
    public const int NoFindings = 0;
    public const int Findings = 1;
    public const int BadInput = 2;
    public const int Incomplete = 3;
}
