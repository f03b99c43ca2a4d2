using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AdminMfaWatchdog.Infrastructure.Storage;

/// <summary>
/// Sends a request through an Azure.Core pipeline the way every storage client of the project reports
/// an unreachable service: one <see cref="RequestFailedException"/> with status 0 and a one-line message.
/// </summary>
internal static class StorageTransport
{
    /// <summary>Azure.Core's pipeline (retries, logging) with the service's error parser and <paramref name="authorization"/> run, in order, on every attempt.</summary>
    public static HttpPipeline BuildPipeline(ClientOptions options, RequestFailedDetailsParser errorParser, IEnumerable<HttpPipelinePolicy> authorization)
    {
        var pipelineOptions = new HttpPipelineOptions(options) { RequestFailedDetailsParser = errorParser };
        foreach (var policy in authorization)
        {
            pipelineOptions.PerRetryPolicies.Add(policy);
        }

        return HttpPipelineBuilder.Build(pipelineOptions);
    }

    /// <param name="serviceName">"table" or "queue", for the message.</param>
    /// <param name="endpoint">The service endpoint; only its scheme, host and port are named (they hold no secret).</param>
    public static async Task SendAsync(
        HttpPipeline pipeline, HttpMessage message, string serviceName, Uri endpoint, CancellationToken cancellationToken)
    {
        try
        {
            await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (AggregateException retriesExhausted) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unreachable(serviceName, endpoint, retriesExhausted.InnerExceptions.Count, retriesExhausted.InnerExceptions[^1]);
        }
        catch (RequestFailedException transportFailure) when (transportFailure.Status == 0)
        {
            throw Unreachable(serviceName, endpoint, 1, transportFailure);
        }
    }

    // Azure.Core reports exhausted retries as an AggregateException; callers of a storage client expect
    // RequestFailedException, so both shapes become one.
    private static RequestFailedException Unreachable(string serviceName, Uri endpoint, int attempts, Exception lastFailure) =>
        new(0, $"The {serviceName} service at {endpoint.GetLeftPart(UriPartial.Authority)} could not be reached "
            + $"({attempts} attempt{(attempts == 1 ? "" : "s")}): {lastFailure.Message}", lastFailure);
}
