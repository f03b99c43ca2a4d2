using GraphSimulator.Wire;

namespace GraphSimulator.Throttling;

internal enum ThrottleScope { None, ConditionalAccess, Directory }

internal static class ThrottleScopes
{
    /// <summary>
    /// CA (identity protection and conditional access service) has its own 1 request/s limit;
    /// <c>$batch</c> itself is free (its inner requests are charged one by one) and sendMail is
    /// Outlook's, not the directory's. Subscriptions belong to the change-tracking service, and audit
    /// logs to the reports limit that <c>AuditLogEndpoints</c> applies.
    /// </summary>
    public static ThrottleScope Of(GraphRequest request)
    {
        if (request.Path.StartsWith("/identity/conditionalAccess", StringComparison.OrdinalIgnoreCase))
        {
            return ThrottleScope.ConditionalAccess;
        }

        if (string.Equals(request.Path, "/$batch", StringComparison.OrdinalIgnoreCase) ||
            request.Path.EndsWith("/sendMail", StringComparison.OrdinalIgnoreCase) ||
            request.Path.StartsWith("/subscriptions", StringComparison.OrdinalIgnoreCase) ||
            request.Path.StartsWith("/auditLogs", StringComparison.OrdinalIgnoreCase))
        {
            return ThrottleScope.None;
        }

        return ThrottleScope.Directory;
    }
}
