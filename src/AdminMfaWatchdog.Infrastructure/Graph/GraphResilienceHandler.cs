using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace AdminMfaWatchdog.Infrastructure.Graph;

/// <summary>
/// The one retry layer of the Graph client (the SDK's own RetryHandler is removed, or the two would
/// multiply). Retries 429, 5xx and timed-out attempts: an integer Retry-After is honoured; where
/// Graph sends none (the Conditional Access endpoints) the wait grows exponentially with jitter.
/// Also bounds the requests in flight and spaces Conditional Access requests one second apart,
/// which is Graph's per-tenant limit for them.
/// </summary>
internal sealed class GraphResilienceHandler : DelegatingHandler
{
    private static readonly HttpStatusCode[] Transient =
        [HttpStatusCode.TooManyRequests, HttpStatusCode.InternalServerError, HttpStatusCode.BadGateway,
         HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout];

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly SemaphoreSlim _concurrency;
    private readonly ConditionalAccessGate _conditionalAccessGate;

    public GraphResilienceHandler(GraphOptions options, TimeProvider clock)
    {
        _concurrency = new SemaphoreSlim(options.MaxConcurrency);
        _conditionalAccessGate = new ConditionalAccessGate(options.ConditionalAccessSpacing, clock);
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.BaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(response => Transient.Contains(response.StatusCode)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, options.MaxRetryAfter)),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            })
            .AddTimeout(options.RequestTimeout)
            .Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Retries resend the same message: its content must be readable again.
        if (request.Content is not null) await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var isConditionalAccess = request.RequestUri?.AbsolutePath.Contains("/identity/conditionalAccess", StringComparison.OrdinalIgnoreCase) == true;

        return await _pipeline.ExecuteAsync(async token =>
        {
            await _concurrency.WaitAsync(token).ConfigureAwait(false);
            try
            {
                if (isConditionalAccess) await _conditionalAccessGate.WaitTurnAsync(token).ConfigureAwait(false);
                return await base.SendAsync(request, token).ConfigureAwait(false);
            }
            finally
            {
                _concurrency.Release();
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An integer Retry-After (seconds) when Graph sends one; null lets the exponential backoff decide.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan max)
    {
        if (response?.Headers.RetryAfter?.Delta is { } delta) return delta > max ? max : delta;
        if (response?.Headers.TryGetValues("Retry-After", out var values) == true && int.TryParse(values.FirstOrDefault(), out var seconds))
            return TimeSpan.FromSeconds(Math.Min(seconds, max.TotalSeconds));
        return null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _concurrency.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>Lets one Conditional Access request through per spacing interval.</summary>
internal sealed class ConditionalAccessGate(TimeSpan spacing, TimeProvider clock)
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    public async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var wait = _next - clock.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
            _next = clock.GetUtcNow() + spacing;
        }
        finally
        {
            _turn.Release();
        }
    }
}
