using System.Net;
using System.Text.Json.Nodes;
using GraphSimulator.Faults;
using static GraphSimulator.Tests.TestSimulator;

namespace GraphSimulator.Tests;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task The_next_n_matching_requests_fail_with_503_then_the_rule_is_spent()
    {
        await using var sim = await StartAsync();
        sim.Faults.Add(FaultRule.ServiceUnavailable("/users", times: 2));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await sim.Client.GetJsonAsync("users?$top=1")).Status);
        }

        var other = await sim.Client.GetJsonAsync($"groups/{ExclusionGroupId}");

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], statuses);
        Assert.Equal(HttpStatusCode.OK, other.Status);
        Assert.Equal(0, sim.Faults.Pending);
        Assert.Equal(2, sim.Stats.Snapshot().Faults);
    }

    [Fact]
    public async Task A_429_burst_carries_the_configured_retry_after_and_can_target_one_method()
    {
        await using var sim = await StartAsync();
        sim.Faults.Add(FaultRule.TooManyRequests($"/groups/{ExclusionGroupId}/members", times: 2, retryAfterSeconds: 7) with { Method = "POST" });

        var read = await sim.Client.GetJsonAsync($"groups/{ExclusionGroupId}/members");
        var write = await sim.Client.PostJsonAsync($"groups/{ExclusionGroupId}/members/$ref",
            new JsonObject { ["@odata.id"] = $"https://graph.microsoft.com/v1.0/directoryObjects/{JoeyId}" });

        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal((HttpStatusCode)429, write.Status);
        Assert.Equal(TimeSpan.FromSeconds(7), write.Message.Headers.RetryAfter!.Delta);
        Assert.Equal("TooManyRequests", write.ErrorCode);
    }

    [Fact]
    public async Task A_given_page_of_a_paged_list_fails()
    {
        await using var sim = await StartAsync();
        sim.Faults.Add(FaultRule.FailPage("/users", page: 2));

        var first = await sim.Client.GetJsonAsync("users?$select=id");
        var nextLink = first.Body!["@odata.nextLink"]!.GetValue<string>();
        var second = await sim.Client.GetJsonAsync(nextLink);
        var retried = await sim.Client.GetJsonAsync(nextLink);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.Status);
        Assert.Equal(HttpStatusCode.OK, retried.Status);
    }

    [Fact]
    public async Task A_hanging_request_times_out_on_the_client_and_the_next_one_is_served()
    {
        await using var sim = await StartAsync();
        sim.Faults.Add(FaultRule.Hang("/identity/conditionalAccess/policies"));
        using var impatient = new HttpClient { BaseAddress = sim.Client.BaseAddress, Timeout = TimeSpan.FromMilliseconds(300) };

        await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.GetAsync("identity/conditionalAccess/policies"));
        var next = await sim.Client.GetJsonAsync("identity/conditionalAccess/policies");

        Assert.Equal(HttpStatusCode.OK, next.Status);
    }

    [Fact]
    public async Task Rules_match_by_regex_skip_the_first_requests_and_apply_inside_batches()
    {
        await using var sim = await StartAsync();
        sim.Faults.Add(new FaultRule { PathPattern = "^/users/[^/]+$", SkipFirst = 1, Status = 500 });
        var step = new JsonObject { ["id"] = "1", ["method"] = "GET", ["url"] = $"/users/{LenaId}" };

        var passed = await sim.Client.GetJsonAsync($"users/{JoeyId}");
        var list = await sim.Client.GetJsonAsync("users?$top=1");
        var batch = await sim.Client.PostJsonAsync("$batch", new JsonObject { ["requests"] = new JsonArray(step) });

        Assert.Equal(HttpStatusCode.OK, passed.Status);
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Equal(HttpStatusCode.OK, batch.Status);
        Assert.Equal(500, batch.Body!["responses"]![0]!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task Rules_can_be_added_over_http_for_an_out_of_process_simulator()
    {
        await using var sim = await StartAsync();
        using var control = new HttpClient { BaseAddress = new Uri(sim.RootUrl + "/_simulator/") };

        var added = await control.PostJsonAsync("faults", JsonNode.Parse("""{"pathPrefix":"/v1.0/groups","status":503,"times":1}"""));
        var failed = await sim.Client.GetJsonAsync($"groups/{ExclusionGroupId}");

        Assert.Equal(HttpStatusCode.NoContent, added.Status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.Status);
        Assert.Equal("serviceNotAvailable", failed.ErrorCode);
    }
}
