namespace AdminMfaWatchdog.Infrastructure.Storage.Ledger;

/// <summary>Checks a value before it becomes a PartitionKey or RowKey, which the Table service restricts.</summary>
internal static class LedgerKeys
{
    private const int MaxKeyLength = 512; // the service allows 1 KiB of UTF-16

    /// <exception cref="ArgumentException">The value is empty, too long, or holds a character keys cannot hold.</exception>
    public static string Require(string? value, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        if (value.Length > MaxKeyLength || value.Any(character => character is '/' or '\\' or '#' or '?' || char.IsControl(character)))
        {
            throw new ArgumentException(
                $"'{name}' cannot be a table key: it must be at most {MaxKeyLength} characters without '/', '\\', '#', '?' or control characters.",
                name);
        }

        return value;
    }
}
