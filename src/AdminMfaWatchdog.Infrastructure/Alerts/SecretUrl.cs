namespace AdminMfaWatchdog.Infrastructure.Alerts;

/// <summary>
/// Webhook URLs carry their credential (Workflows and Logic Apps put a signature in the query string), so
/// messages show them only as scheme://host/….
/// </summary>
public static class SecretUrl
{
    public static string Redact(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.IsAbsoluteUri ? $"{url.Scheme}://{url.Host}/…" : "(a relative URL)";
    }
}
