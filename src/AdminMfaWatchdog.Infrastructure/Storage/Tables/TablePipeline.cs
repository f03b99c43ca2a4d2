using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AdminMfaWatchdog.Infrastructure.Storage.Tables;

/// <summary>
/// The Azure.Core pipeline (retries, logging, authorization) bound to one table service endpoint,
/// plus the request conventions every Table operation shares.
/// </summary>
internal sealed class TablePipeline
{
    internal const string JsonContentType = "application/json";
    private const string MinimalMetadata = "application/json;odata=minimalmetadata";

    private readonly HttpPipeline _pipeline;
    private readonly string _serviceVersion;
    private readonly string _baseAddress;

    /// <summary>A pipeline to <paramref name="endpoint"/> whose <paramref name="authorization"/> policies run, in order, on every attempt.</summary>
    public TablePipeline(Uri endpoint, TableClientOptions? options, params HttpPipelinePolicy[] authorization)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        options ??= new TableClientOptions();
        // Paths are appended as "/Tables", "/name(...)": keep the endpoint's own path without a trailing '/'
        // (a Uri cannot hold that for a bare host, hence the string).
        _baseAddress = endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/');
        Endpoint = new Uri(_baseAddress);
        _serviceVersion = options.VersionHeaderValue;

        var pipelineOptions = new HttpPipelineOptions(options) { RequestFailedDetailsParser = new TableErrorParser() };
        foreach (var policy in authorization)
        {
            pipelineOptions.PerRetryPolicies.Add(policy);
        }

        _pipeline = HttpPipelineBuilder.Build(pipelineOptions);
    }

    public Uri Endpoint { get; }

    /// <summary>The absolute URI of <paramref name="escapedPath"/> (already percent-encoded, starting with '/').</summary>
    public string AbsoluteUri(string escapedPath) => _baseAddress + escapedPath;

    /// <summary>A request to <paramref name="escapedPath"/> (already percent-encoded, starting with '/').</summary>
    public HttpMessage CreateMessage(RequestMethod method, string escapedPath, string accept = MinimalMetadata)
    {
        var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(new Uri(AbsoluteUri(escapedPath)));
        request.Headers.SetValue("x-ms-version", _serviceVersion);
        request.Headers.SetValue("DataServiceVersion", "3.0");
        request.Headers.SetValue(HttpHeader.Names.Accept, accept);
        return message;
    }

    /// <summary>
    /// Sends <paramref name="message"/> and returns its response, throwing <see cref="RequestFailedException"/>
    /// for an error status other than <paramref name="toleratedStatus"/>, and when the service cannot be reached.
    /// </summary>
    public async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken, int? toleratedStatus = null)
    {
        try
        {
            await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (AggregateException retriesExhausted) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unreachable(retriesExhausted.InnerExceptions.Count, retriesExhausted.InnerExceptions[^1]);
        }
        catch (RequestFailedException transportFailure) when (transportFailure.Status == 0)
        {
            throw Unreachable(1, transportFailure);
        }

        var response = message.Response;
        if (response.IsError && response.Status != toleratedStatus)
        {
            throw new RequestFailedException(response);
        }

        return response;
    }

    // Azure.Core reports exhausted retries as an AggregateException; callers of a storage client expect
    // RequestFailedException, so both shapes become one, naming the endpoint (which holds no secret).
    private RequestFailedException Unreachable(int attempts, Exception lastFailure) =>
        new(0, $"The table service at {Endpoint.GetLeftPart(UriPartial.Authority)} could not be reached "
            + $"({attempts} attempt{(attempts == 1 ? "" : "s")}): {lastFailure.Message}", lastFailure);
}
