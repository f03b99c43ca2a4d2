using System.Globalization;
using System.Text.Json.Nodes;
using GraphSimulator.Faults;
using GraphSimulator.Routing;
using GraphSimulator.Stats;
using GraphSimulator.Throttling;
using GraphSimulator.Wire;

namespace GraphSimulator.Pipeline;

/// <summary>
/// The one path every Graph request takes, whether it came over HTTP or inside a <c>$batch</c>:
/// count it, inject a fault, throttle, route, and stamp the answer with request ids. Running batch
/// steps through here is what makes an inner 429 possible while the batch itself answers 200.
/// </summary>
internal sealed class RequestPipeline(
    RouteTable routes,
    SimulatorOptions options,
    FaultInjector faults,
    SimulatorStats stats,
    TimeProvider time)
{
    private readonly ConditionalAccessThrottle _conditionalAccess = new(time);
    private readonly DirectoryTokenBucket _directory = new(time);

    public async Task<GraphResponse> DispatchAsync(GraphRequest request, CancellationToken cancellationToken)
    {
        stats.Received(request.Describe(), string.Equals(request.Path, "/$batch", StringComparison.OrdinalIgnoreCase));
        GraphResponse response;
        try
        {
            response = (request.HasMalformedBody ? GraphResponse.MalformedBody() : null)
                ?? await InjectFaultAsync(request, cancellationToken)
                ?? Throttle(request)
                ?? await routes.DispatchAsync(request, cancellationToken);
        }
        catch (GraphException error)
        {
            response = error.ToResponse();
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A simulator bug must reach the test as a readable 500, not as a dropped connection.
            response = GraphResponse.Error(500, "InternalServerError", $"Simulator failure: {error}");
        }

        Stamp(request, response);
        stats.Answered(response.Status);
        return response;
    }

    private async Task<GraphResponse?> InjectFaultAsync(GraphRequest request, CancellationToken cancellationToken)
    {
        if (faults.Claim(request) is not { } rule)
        {
            return null;
        }

        stats.Faulted();
        if (rule.Kind == FaultKind.Ignore)
        {
            return GraphResponse.NoContent();
        }

        if (rule.Kind == FaultKind.Hang)
        {
            await Task.Delay(options.HangDuration, cancellationToken);
            return GraphResponse.Error(504, GraphErrorCodes.For(504), GraphErrorCodes.MessageFor(504));
        }

        var response = GraphResponse.Error(rule.Status, rule.ErrorCode ?? GraphErrorCodes.For(rule.Status), GraphErrorCodes.MessageFor(rule.Status));
        return rule.RetryAfterSeconds is { } seconds
            ? response.WithHeader("Retry-After", seconds.ToString(CultureInfo.InvariantCulture))
            : response;
    }

    private GraphResponse? Throttle(GraphRequest request)
    {
        switch (ThrottleScopes.Of(request))
        {
            case ThrottleScope.ConditionalAccess when options.ConditionalAccessThrottle is { } ca && !_conditionalAccess.TryAdmit(ca):
                stats.Throttled();
                // Graph's CA service sends no Retry-After: callers must back off on their own.
                return TooManyRequests();
            case ThrottleScope.Directory when options.DirectoryThrottle is { } bucket &&
                                              _directory.TryTake(bucket, ResourceUnitCost.Of(request)) is { } retryAfter:
                stats.Throttled();
                return TooManyRequests()
                    .WithHeader("Retry-After", retryAfter.ToString(CultureInfo.InvariantCulture))
                    .WithHeader("x-ms-throttle-scope", "Tenant_Application/ReadWrite/simulator/tenant")
                    .WithHeader("x-ms-throttle-information", "ResourceUnitLimitExceeded");
            default:
                return null;
        }
    }

    private static GraphResponse TooManyRequests() =>
        GraphResponse.Error(429, GraphErrorCodes.For(429), GraphErrorCodes.MessageFor(429));

    /// <summary>Every Graph answer carries request ids; every error envelope carries them in <c>innerError</c>.</summary>
    private void Stamp(GraphRequest request, GraphResponse response)
    {
        response.Headers["request-id"] = request.RequestId;
        response.Headers["client-request-id"] = request.ClientRequestId;
        if (response.Body?["error"] is JsonObject error && !error.ContainsKey("innerError"))
        {
            error["innerError"] = new JsonObject
            {
                ["date"] = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
                ["request-id"] = request.RequestId,
                ["client-request-id"] = request.ClientRequestId,
            };
        }
    }
}
