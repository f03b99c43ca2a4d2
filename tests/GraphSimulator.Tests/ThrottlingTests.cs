using System.Net;
using GraphSimulator.Time;
using static GraphSimulator.Tests.TestSimulator;

namespace GraphSimulator.Tests;

public sealed class ThrottlingTests
{
    [Fact]
    public async Task Conditional_access_allows_one_request_per_second_and_its_429_has_no_retry_after()
    {
        var time = new ManualTimeProvider();
        await using var sim = await StartAsync(new SimulatorOptions { ConditionalAccessThrottle = new ConditionalAccessThrottleOptions() }, time);

        var first = await sim.Client.GetJsonAsync("identity/conditionalAccess/policies");
        time.Advance(TimeSpan.FromMilliseconds(999));
        var second = await sim.Client.GetJsonAsync("identity/conditionalAccess/namedLocations");
        time.Advance(TimeSpan.FromMilliseconds(1));
        var third = await sim.Client.GetJsonAsync("identity/conditionalAccess/policies");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal((HttpStatusCode)429, second.Status);
        Assert.Equal("TooManyRequests", second.ErrorCode);
        Assert.Null(second.Message.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, third.Status);
        Assert.Equal(1, sim.Stats.Snapshot().Throttled);
    }

    [Fact]
    public async Task Conditional_access_throttling_leaves_directory_reads_alone()
    {
        var time = new ManualTimeProvider();
        await using var sim = await StartAsync(new SimulatorOptions { ConditionalAccessThrottle = new ConditionalAccessThrottleOptions() }, time);

        await sim.Client.GetJsonAsync("identity/conditionalAccess/policies");
        var users = await sim.Client.GetJsonAsync("users?$top=1");

        Assert.Equal(HttpStatusCode.OK, users.Status);
    }

    [Fact]
    public async Task The_directory_bucket_answers_429_with_an_integer_retry_after_until_it_refills()
    {
        var time = new ManualTimeProvider();
        var options = new SimulatorOptions { DirectoryThrottle = new DirectoryThrottleOptions(Capacity: 3, RefillPerSecond: 1) };
        await using var sim = await StartAsync(options, time);

        var first = await sim.Client.GetJsonAsync("users");          // GET users costs 2 resource units
        var second = await sim.Client.GetJsonAsync("users");         // 1 left: short by 1 unit
        time.Advance(TimeSpan.FromSeconds(1));
        var third = await sim.Client.GetJsonAsync("users");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal((HttpStatusCode)429, second.Status);
        Assert.Equal(TimeSpan.FromSeconds(1), second.Message.Headers.RetryAfter!.Delta);
        Assert.Equal("ResourceUnitLimitExceeded", second.Header("x-ms-throttle-information"));
        Assert.Equal(HttpStatusCode.OK, third.Status);
    }

    [Fact]
    public async Task Throttling_can_be_switched_on_and_off_while_running()
    {
        var time = new ManualTimeProvider();
        await using var sim = await StartAsync(time: time);

        sim.Options.ConditionalAccessThrottle = new ConditionalAccessThrottleOptions(Requests: 2);
        var burst = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            burst.Add((await sim.Client.GetJsonAsync("identity/conditionalAccess/policies")).Status);
        }

        sim.Options.ConditionalAccessThrottle = null;
        var afterwards = await sim.Client.GetJsonAsync("identity/conditionalAccess/policies");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, (HttpStatusCode)429], burst);
        Assert.Equal(HttpStatusCode.OK, afterwards.Status);
    }
}
