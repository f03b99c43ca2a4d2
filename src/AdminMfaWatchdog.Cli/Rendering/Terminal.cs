using System.Text;

namespace AdminMfaWatchdog.Cli.Rendering;

internal static class Terminal
{
    /// <summary>
    /// Display names come from the tenant and anyone who can rename a group controls them: control
    /// characters (escape sequences that could rewrite the screen) are shown as \uXXXX, not obeyed.
    /// </summary>
    public static string Safe(string value)
    {
        if (!value.Any(char.IsControl)) return value;
        var safe = new StringBuilder(value.Length + 8);
        foreach (var c in value) safe.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c);
        return safe.ToString();
    }
}
