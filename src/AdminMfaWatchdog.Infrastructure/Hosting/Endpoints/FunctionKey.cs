namespace AdminMfaWatchdog.Infrastructure.Hosting.Endpoints;

/// <summary>
/// The check <c>watchdog serve</c> makes on protected routes, as Azure Functions does for
/// <c>AuthorizationLevel.Function</c>: the key in the <c>x-functions-key</c> header or the <c>code</c> query.
/// </summary>
public static class FunctionKey
{
    public const string HeaderName = "x-functions-key";

    public const string QueryName = "code";

    public static readonly HostResponse Unauthorized = HostResponse.Error(401, "a valid function key is required (x-functions-key header or ?code=)");

    /// <summary>True when either presented key equals the configured one; compared in constant time.</summary>
    public static bool Allows(string? configured, string? header, string? code)
    {
        if (string.IsNullOrEmpty(configured)) return false;
        return SecretComparison.AreEqual(header, configured) || SecretComparison.AreEqual(code, configured);
    }
}
