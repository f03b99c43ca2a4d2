namespace AdminMfaWatchdog.Infrastructure.Storage.Tables;

/// <summary>A table of the account.</summary>
public sealed record TableItem(string Name);
