namespace AdminMfaWatchdog.Infrastructure.Storage.Tables;

/// <summary>
/// A storage connection string that cannot be used. The message names the setting it came from and
/// what is wrong, and never quotes the connection string: it holds the account key.
/// </summary>
public sealed class InvalidConnectionStringException(string settingName, string problem)
    : FormatException($"'{settingName}' is not a usable Azure Storage connection string: {problem}")
{
    public string SettingName { get; } = settingName;

    public string Problem { get; } = problem;
}
