using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GraphSimulator.State;
using static GraphSimulator.Tests.TestSimulator;

namespace GraphSimulator.Tests;

public sealed class TransportTests
{
    [Fact]
    public async Task A_body_that_is_not_json_is_a_counted_bad_request()
    {
        await using var sim = await StartAsync();

        var reply = await sim.Client.PostAsync("directoryObjects/getByIds", new StringContent("{not json", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, reply.StatusCode);
        Assert.Equal(1, sim.Stats.Snapshot().For("POST /v1.0/directoryObjects/getByIds"));
    }

    [Fact]
    public async Task A_known_path_with_the_wrong_method_answers_405()
    {
        await using var sim = await StartAsync();

        var reply = await sim.Client.SendJsonAsync(HttpMethod.Put, $"users/{JoeyId}", new JsonObject());

        Assert.Equal(HttpStatusCode.MethodNotAllowed, reply.Status);
    }

    [Fact]
    public async Task Latency_delays_every_graph_request_but_not_the_control_endpoints()
    {
        await using var sim = await StartAsync(new SimulatorOptions { Latency = TimeSpan.FromMilliseconds(150) });
        using var control = new HttpClient { BaseAddress = new Uri(sim.RootUrl + "/_simulator/") };

        var clock = Stopwatch.StartNew();
        await sim.Client.GetJsonAsync("users?$top=1");
        var graphElapsed = clock.Elapsed;

        Assert.True(graphElapsed >= TimeSpan.FromMilliseconds(150), $"took {graphElapsed}");
        Assert.Equal(HttpStatusCode.OK, (await control.GetJsonAsync("stats")).Status);
    }

    [Fact]
    public async Task Snapshots_load_from_files_and_bad_ones_are_named()
    {
        var state = await TenantState.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "sample-tenant.json"), CancellationToken.None);

        Assert.Equal(4, state.Read(d => d.Users.Count));
        Assert.Contains("tenantId", Assert.Throws<InvalidDataException>(() => TenantState.FromJson("""{"users":[]}""")).Message);
        Assert.Contains("'groups'", Assert.Throws<InvalidDataException>(() => TenantState.FromJson("""{"tenantId":"t","groups":{}}""")).Message);
    }
}
