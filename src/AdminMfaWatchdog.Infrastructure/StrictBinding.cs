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
            throw error(ex.Message);
        }
        return options;
    }
}
