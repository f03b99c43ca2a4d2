using Azure.Core;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Authentication.Azure;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

namespace AdminMfaWatchdog.Infrastructure.Graph;

/// <summary>
/// Builds the GraphServiceClient the watchdog uses: the SDK's middleware through GraphClientFactory
/// (a bare HttpClient would get none), with the SDK's RetryHandler replaced by
/// <see cref="GraphResilienceHandler"/>, and tokens from Azure.Identity unless anonymous.
/// </summary>
public static class WatchdogGraphClient
{
    public static GraphServiceClient Create(GraphOptions options, TimeProvider clock, HttpMessageHandler? transport = null)
    {
        var baseUri = options.ValidatedBaseUri();
        var handlers = GraphClientFactory.CreateDefaultHandlers().Where(h => h is not RetryHandler).ToList();
        handlers.Insert(0, new GraphResilienceHandler(options, clock));
        var httpClient = GraphClientFactory.Create(handlers, finalHandler: transport ?? new SocketsHttpHandler());
        // The resilience handler owns per-attempt timeouts; the HttpClient's own must not cut retries short.
        httpClient.Timeout = Timeout.InfiniteTimeSpan;
        return new GraphServiceClient(httpClient, AuthenticationFor(options, baseUri), baseUri.ToString().TrimEnd('/'));
    }

    private static IAuthenticationProvider AuthenticationFor(GraphOptions options, Uri baseUri)
    {
        if (options.Anonymous) return new AnonymousAuthenticationProvider();
        var scope = baseUri.Host.StartsWith("graph.", StringComparison.OrdinalIgnoreCase)
            ? $"https://{baseUri.Host}/.default"
            : "https://graph.microsoft.com/.default";
        return new AzureIdentityAuthenticationProvider(Credential(options), [baseUri.Host], null, true, [scope]);
    }

    /// <summary>Client secret, then certificate, then DefaultAzureCredential (managed identity in Azure).</summary>
    internal static TokenCredential Credential(GraphOptions options)
    {
        if (!string.IsNullOrEmpty(options.ClientSecret) || !string.IsNullOrEmpty(options.CertificatePath))
        {
            if (string.IsNullOrEmpty(options.TenantId)) throw new GraphConfigurationException("Graph:TenantId", "required with a client secret or certificate");
            if (string.IsNullOrEmpty(options.ClientId)) throw new GraphConfigurationException("Graph:ClientId", "required with a client secret or certificate");
            if (!string.IsNullOrEmpty(options.ClientSecret)) return new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret);
            if (!File.Exists(options.CertificatePath))
                throw new GraphConfigurationException("Graph:CertificatePath", $"no certificate file at {options.CertificatePath}");
            return new ClientCertificateCredential(options.TenantId, options.ClientId, options.CertificatePath);
        }
        return new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            TenantId = string.IsNullOrEmpty(options.TenantId) ? null : options.TenantId,
            ManagedIdentityClientId = string.IsNullOrEmpty(options.ClientId) ? null : options.ClientId,
        });
    }
}
