using System.Security.Cryptography;
using System.Text;

namespace AdminMfaWatchdog.Infrastructure.Storage.Tables;

/// <summary>
/// A storage account name and key, used to sign every request (Shared Key authorization).
/// The key is held only as bytes and never appears in messages.
/// </summary>
public sealed class TableSharedKeyCredential
{
    private byte[] _accountKey;

    public TableSharedKeyCredential(string accountName, string accountKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        AccountName = accountName;
        _accountKey = DecodeKey(accountKey);
    }

    public string AccountName { get; }

    /// <summary>Replaces the key in place, so clients built with this credential pick up a rotated key.</summary>
    public void SetAccountKey(string accountKey) => Volatile.Write(ref _accountKey, DecodeKey(accountKey));

    internal static bool IsValidKey(string? accountKey) => TryDecodeKey(accountKey, out _);

    internal string ComputeSignature(string stringToSign)
    {
        var key = Volatile.Read(ref _accountKey);
        return Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
    }

    private static byte[] DecodeKey(string accountKey) =>
        TryDecodeKey(accountKey, out var key)
            ? key
            // The message must not quote the key: it is a secret even when malformed.
            : throw new ArgumentException("The account key is not a non-empty base64 string.", nameof(accountKey));

    private static bool TryDecodeKey(string? accountKey, out byte[] key)
    {
        key = [];
        if (string.IsNullOrWhiteSpace(accountKey))
        {
            return false;
        }

        var buffer = new byte[accountKey.Length];
        if (!Convert.TryFromBase64String(accountKey, buffer, out var length) || length == 0)
        {
            return false;
        }

        key = buffer[..length];
        return true;
    }
}
