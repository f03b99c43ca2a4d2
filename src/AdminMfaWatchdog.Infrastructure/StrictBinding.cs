using Microsoft.Extensions.Configuration;

namespace AdminMfaWatchdog.Infrastructure;

/// <summary>
/// Binds a settings section to its options class, refusing keys the class does not have: a mistyped
/// setting must not silently fall back to a default. The error names the key, never a value.
/// </summary>
internal static class StrictBinding
{
    /// <param name="error">turns the binder's message (key and type only) into the caller's settings error.</param>
    public static T Bind<T>(IConfiguration configuration, string section, Func<string, Exception> error) where T : new()
    {
        var options = new T();
        try
        {
            configuration.GetSection(section).Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException ex)
        {
            throw error(WithoutValue(ex.Message));
        }
        return options;
    }

    // The binder's conversion error quotes the value; a mistyped secret must not reach a log through it.
    private static string WithoutValue(string message)
    {
        var conversion = System.Text.RegularExpressions.Regex.Match(message, "at '(?<key>[^']+)' to type '(?<type>[^']+)'");
        return conversion.Success ? $"'{conversion.Groups["key"].Value}' is not a valid {conversion.Groups["type"].Value}" : message;
    }
}
