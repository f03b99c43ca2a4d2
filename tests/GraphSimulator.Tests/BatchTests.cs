using System.Net;
using System.Text.Json.Nodes;
using GraphSimulator.Time;
using static GraphSimulator.Tests.TestSimulator;

namespace GraphSimulator.Tests;

public sealed class BatchTests
{
    private static JsonObject Get(string id, string url) => new() { ["id"] = id, ["method"] = "GET", ["url"] = url };

    private static JsonObject Batch(params JsonObject[] requests) =>
        new() { ["requests"] = new JsonArray(requests.Cast<JsonNode>().ToArray()) };

    private static JsonObject Response(JsonReply batch, string id) =>
        batch.Body!["responses"]!.AsArray().Single(r => r!["id"]!.GetValue<string>() == id)!.AsObject();

    [Fact]
    public async Task Each_step_gets_its_own_status_headers_and_body()
    {
        await using var sim = await StartAsync();
        var add = new JsonObject
        {
            ["id"] = "add",
            ["method"] = "POST",
            ["url"] = $"/groups/{ExclusionGroupId}/members/$ref",
            ["headers"] = new JsonObject { ["Content-Type"] = "application/json" },
            ["body"] = new JsonObject { ["@odata.id"] = $"https://graph.microsoft.com/v1.0/directoryObjects/{BreakGlassId}" },
        };

        var batch = await sim.Client.PostJsonAsync("$batch", Batch(
            Get("user", $"/users/{JoeyId}?$select=id,accountEnabled"),
            Get("missing", "/users/44444444-4444-4444-4444-444444444444"),
            add));

        Assert.Equal(HttpStatusCode.OK, batch.Status);
        var user = Response(batch, "user");
        Assert.Equal(200, user["status"]!.GetValue<int>());
        Assert.True(user["body"]!["accountEnabled"]!.GetValue<bool>());
        Assert.Equal("application/json", user["headers"]!["Content-Type"]!.GetValue<string>());
        Assert.Equal(404, Response(batch, "missing")["status"]!.GetValue<int>());
        Assert.Equal("Request_ResourceNotFound", Response(batch, "missing")["body"]!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(400, Response(batch, "add")["status"]!.GetValue<int>());
        Assert.Equal(4, sim.Stats.Snapshot().Requests);
    }

    [Fact]
    public async Task More_than_20_steps_is_a_bad_request()
    {
        await using var sim = await StartAsync();

        var batch = await sim.Client.PostJsonAsync("$batch",
            Batch(Enumerable.Range(1, 21).Select(i => Get($"{i}", $"/users/{JoeyId}")).ToArray()));

        Assert.Equal(HttpStatusCode.BadRequest, batch.Status);
        Assert.Equal("BadRequest", batch.ErrorCode);
    }

    [Fact]
    public async Task An_inner_step_can_be_throttled_while_the_batch_answers_200()
    {
        var options = new SimulatorOptions { DirectoryThrottle = new DirectoryThrottleOptions(Capacity: 2, RefillPerSecond: 0.5) };
        await using var sim = await StartAsync(options, new ManualTimeProvider());

        var batch = await sim.Client.PostJsonAsync("$batch", Batch(
            Get("1", $"/groups/{ExclusionGroupId}?$select=id"),
            Get("2", $"/groups/{AdminGroupId}?$select=id"),
            Get("3", $"/groups/{DynamicGroupId}?$select=id")));

        Assert.Equal(HttpStatusCode.OK, batch.Status);
        Assert.Equal(200, Response(batch, "2")["status"]!.GetValue<int>());
        var throttled = Response(batch, "3");
        Assert.Equal(429, throttled["status"]!.GetValue<int>());
        Assert.Equal("2", throttled["headers"]!["Retry-After"]!.GetValue<string>());
        Assert.Equal("TooManyRequests", throttled["body"]!["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_step_that_depends_on_a_failed_step_gets_424()
    {
        await using var sim = await StartAsync();
        var dependent = Get("2", $"/users/{JoeyId}");
        dependent["dependsOn"] = new JsonArray("1");

        var batch = await sim.Client.PostJsonAsync("$batch", Batch(Get("1", "/users/nobody@contoso.com"), dependent));

        Assert.Equal(404, Response(batch, "1")["status"]!.GetValue<int>());
        Assert.Equal(424, Response(batch, "2")["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_malformed_batch_is_rejected_whole()
    {
        await using var sim = await StartAsync();
        var bodyWithoutContentType = new JsonObject
        {
            ["id"] = "1", ["method"] = "POST", ["url"] = "/directoryObjects/getByIds", ["body"] = new JsonObject { ["ids"] = new JsonArray() },
        };

        var duplicate = await sim.Client.PostJsonAsync("$batch", Batch(Get("1", "/users"), Get("1", "/groups")));
        var noContentType = await sim.Client.PostJsonAsync("$batch", Batch(bodyWithoutContentType));

        Assert.Equal(HttpStatusCode.BadRequest, duplicate.Status);
        Assert.Equal(HttpStatusCode.BadRequest, noContentType.Status);
    }
}
