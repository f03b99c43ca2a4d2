using Azure.Core;
using Azure.Core.Pipeline;

namespace AdminMfaWatchdog.Infrastructure.Tests.Storage.Ledger;

/// <summary>Counts the HTTP requests a client sends (each retry attempt included).</summary>
internal sealed class RequestCountingPolicy : HttpPipelineSynchronousPolicy
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
}

/// <summary>
/// Lets the first <paramref name="healthyRequests"/> requests through, then sends every request to a port
/// nothing listens on: the storage account becoming unreachable mid-way, over real sockets.
/// </summary>
internal sealed class UnreachableAfterPolicy(int healthyRequests, int closedPort) : HttpPipelineSynchronousPolicy
{
    private int _sent;

    public override void OnSendingRequest(HttpMessage message)
    {
        if (Interlocked.Increment(ref _sent) > healthyRequests)
        {
            message.Request.Uri.Port = closedPort;
        }
    }
}
