namespace AdminMfaWatchdog.Core.Json;

/// <summary>
/// A snapshot or configuration that cannot be used as given. The message names the source (a file
/// name or setting), the JSON path and what is wrong; it never quotes more than the offending value.
/// </summary>
public sealed class InvalidInputException(string source, string jsonPath, string problem)
    : Exception($"{source}: {jsonPath}: {problem}")
{
    public string InputSource { get; } = source;
    public string JsonPath { get; } = jsonPath;
    public string Problem { get; } = problem;
}
