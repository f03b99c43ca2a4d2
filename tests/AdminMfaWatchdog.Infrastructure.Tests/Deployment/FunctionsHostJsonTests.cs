using System.Globalization;
using System.Text.Json;
using AdminMfaWatchdog.Infrastructure.Hosting.Changes;

namespace AdminMfaWatchdog.Infrastructure.Tests.Deployment;

/// <summary>The Functions host drives the change queue from host.json: it must agree with serve's processor.</summary>
public sealed class FunctionsHostJsonTests
{
    private static readonly JsonElement Queues = JsonDocument.Parse(RepositoryFiles.Read("host.json")).RootElement.GetProperty("extensions").GetProperty("queues");

    [Fact]
    public void A_change_goes_to_the_poison_queue_after_as_many_attempts_as_in_serve()
    {
        Assert.Equal(ChangeQueue.MaxAttempts, Queues.GetProperty("maxDequeueCount").GetInt32());
    }

    [Fact]
    public void An_idle_queue_is_polled_every_few_seconds_not_the_default_minute()
    {
        // The queue trigger backs off to maxPollingInterval when idle (default one minute): a notification's
        // scan would wait that long before it even started.
        var interval = TimeSpan.Parse(Queues.GetProperty("maxPollingInterval").GetString()!, CultureInfo.InvariantCulture);
        Assert.InRange(interval, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5));
    }
}
