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

        _pipeline = StorageTransport.BuildPipeline(options, new TableErrorParser(), authorization);
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
        await StorageTransport.SendAsync(_pipeline, message, "table", Endpoint, cancellationToken).ConfigureAwait(false);

        var response = message.Response;
        if (response.IsError && response.Status != toleratedStatus)
        {
            throw new RequestFailedException(response);
        }

        return response;
    }
}
