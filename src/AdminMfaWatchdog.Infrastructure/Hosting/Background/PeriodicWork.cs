using Microsoft.Extensions.Logging;

namespace AdminMfaWatchdog.Infrastructure.Hosting.Background;

/// <summary>
/// Runs one piece of background work now and then every interval until stopped (<c>watchdog serve</c>'s
/// stand-in for Functions timer triggers). A failed run is logged and the next one comes on time: a
/// background loop that dies on the first Graph outage would silently stop guarding the tenant.
/// </summary>
public static class PeriodicWork
{
    public static async Task RunAsync(string name, TimeSpan interval, Func<CancellationToken, Task> work, TimeProvider clock, ILogger logger, CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await work(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception problem)
            {
                logger.LogError(problem, "{Work} failed; next attempt in {Interval}.", name, interval);
            }
        }
        while (await WaitAsync(timer, stopping).ConfigureAwait(false));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stopping)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
