using Azure.Core;
using Azure.Core.Pipeline;

namespace AdminMfaWatchdog.Infrastructure.Storage;

/// <summary>
/// Azure.Core's bearer token policy (token cache, refresh) for Azure Storage, which also lets a token go over
/// plain http to a loopback address: Azure.Core refuses any http, but a local emulator or test listener is
/// not reachable from another machine. The client only builds this policy for https or loopback endpoints.
/// </summary>
internal sealed class StorageBearerTokenPolicy(TokenCredential credential) : BearerTokenAuthenticationPolicy(credential, StorageScope)
{
    public const string StorageScope = "https://storage.azure.com/.default";

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        IsHttpLoopback(message) ? AuthorizeAndSendAsync(message, pipeline) : base.ProcessAsync(message, pipeline);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (!IsHttpLoopback(message))
        {
            base.Process(message, pipeline);
            return;
        }

        AuthorizeRequest(message);
        ProcessNext(message, pipeline);
    }

    /// <summary>Whether <paramref name="endpoint"/> may receive a token: https, or http to this machine.</summary>
    public static bool AcceptsTokens(Uri endpoint) =>
        endpoint.Scheme == Uri.UriSchemeHttps || (endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback);

    private static bool IsHttpLoopback(HttpMessage message) =>
        message.Request.Uri.Scheme == Uri.UriSchemeHttp && message.Request.Uri.ToUri().IsLoopback;

    private async ValueTask AuthorizeAndSendAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await AuthorizeRequestAsync(message).ConfigureAwait(false);
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
    }
}
