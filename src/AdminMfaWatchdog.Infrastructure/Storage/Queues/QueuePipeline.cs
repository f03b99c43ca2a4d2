using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AdminMfaWatchdog.Infrastructure.Storage.Queues;

/// <summary>
/// The Azure.Core pipeline (retries, logging, authorization) bound to one queue service endpoint, plus
/// the request conventions every Queue operation shares.
/// </summary>
internal sealed class QueuePipeline
{
    private readonly HttpPipeline _pipeline;

    /// <summary>A pipeline to <paramref name="endpoint"/> whose <paramref name="authorization"/> policies run, in order, on every attempt.</summary>
    public QueuePipeline(Uri endpoint, QueueClientOptions? options, params HttpPipelinePolicy[] authorization)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        options ??= new QueueClientOptions();
        // Paths are appended as "/name/messages": keep the endpoint's own path (Azurite's account) without a trailing '/'.
        Endpoint = new Uri(endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/'));
        MessageEncoding = options.MessageEncoding;

        _pipeline = StorageTransport.BuildPipeline(options, new QueueErrorParser(), authorization);
    }

    public Uri Endpoint { get; }

    public QueueMessageEncoding MessageEncoding { get; }

    /// <summary>A request to the endpoint followed by <paramref name="pathSegments"/>, each percent-encoded here.</summary>
    public HttpMessage CreateMessage(RequestMethod method, params string[] pathSegments)
    {
        var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(Endpoint);
        foreach (var segment in pathSegments)
        {
            request.Uri.AppendPath("/", escape: false);
            request.Uri.AppendPath(segment, escape: true);
        }

        request.Headers.SetValue("x-ms-version", QueueClientOptions.ServiceVersion);
        return message;
    }

    /// <summary>
    /// Sends <paramref name="message"/> and returns its response, throwing <see cref="RequestFailedException"/>
    /// for an error status (unless <paramref name="isTolerated"/> accepts it) and when the service cannot be reached.
    /// </summary>
    public async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken, Func<Response, bool>? isTolerated = null)
    {
        await StorageTransport.SendAsync(_pipeline, message, "queue", Endpoint, cancellationToken).ConfigureAwait(false);

        var response = message.Response;
        if (response.IsError && isTolerated?.Invoke(response) != true)
        {
            throw new RequestFailedException(response);
        }

        return response;
    }
}
