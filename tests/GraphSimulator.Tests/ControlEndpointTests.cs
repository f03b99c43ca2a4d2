using System.Net;
using System.Text.Json.Nodes;
using static GraphSimulator.Tests.TestSimulator;

namespace GraphSimulator.Tests;

public sealed class ControlEndpointTests
{
    [Fact]
    public async Task Stats_count_requests_by_path_and_status_and_reset()
    {
        await using var sim = await StartAsync();
        using var control = new HttpClient { BaseAddress = new Uri(sim.RootUrl + "/_simulator/") };

        await sim.Client.GetJsonAsync("users?$top=1");
        await sim.Client.GetJsonAsync("users?$top=2");
        await sim.Client.GetJsonAsync("users/nobody@contoso.com");
        var stats = (await control.GetJsonAsync("stats")).Body!;
        var reset = await control.PostJsonAsync("reset-stats", null);
        var afterReset = (await control.GetJsonAsync("stats")).Body!;

        Assert.Equal(3, stats["requests"]!.GetValue<int>());
        Assert.Equal(2, stats["byPath"]!["GET /v1.0/users"]!.GetValue<int>());
        Assert.Equal(1, stats["byPath"]!["GET /v1.0/users/nobody@contoso.com"]!.GetValue<int>());
        Assert.Equal(2, stats["byStatus"]!["200"]!.GetValue<int>());
        Assert.Equal(0, stats["throttled"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NoContent, reset.Status);
        Assert.Equal(0, afterReset["requests"]!.GetValue<int>());
    }

    [Fact]
    public async Task State_returns_the_current_tenant_as_a_snapshot_and_can_be_replaced()
    {
        await using var sim = await StartAsync();
        using var control = new HttpClient { BaseAddress = new Uri(sim.RootUrl + "/_simulator/") };
        await sim.Client.PostJsonAsync($"groups/{ExclusionGroupId}/members/$ref",
            new JsonObject { ["@odata.id"] = $"https://graph.microsoft.com/v1.0/directoryObjects/{ServiceAccountId}" });

        var state = (await control.GetJsonAsync("state")).Body!;
        var replaced = await control.SendJsonAsync(HttpMethod.Put, "state",
            JsonNode.Parse("""{"tenantId":"t2","users":[{"id":"u1","userPrincipalName":"only@t2.example"}]}"""));
        var users = await sim.Client.GetJsonAsync("users");

        var exclusion = state["groups"]!.AsArray().Single(g => g!["id"]!.GetValue<string>() == ExclusionGroupId)!;
        Assert.Contains(exclusion["members"]!.AsArray(), m => m!["id"]!.GetValue<string>() == ServiceAccountId);
        Assert.Equal("84bd8158-6d4d-4958-8b9f-9d6445542f95", state["tenantId"]!.GetValue<string>());
        Assert.Equal(TotalUsers, state["users"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.NoContent, replaced.Status);
        Assert.Equal("only@t2.example", Assert.Single(users.Value)!["userPrincipalName"]!.GetValue<string>());
        Assert.Equal(0, sim.Stats.Snapshot().For("GET /_simulator/state"));
    }

    [Fact]
    public async Task Send_mail_answers_202_and_keeps_the_message()
    {
        await using var sim = await StartAsync();
        using var control = new HttpClient { BaseAddress = new Uri(sim.RootUrl + "/_simulator/") };
        var mail = JsonNode.Parse("""
            {"message":{"subject":"[Watchdog] Admin not covered","body":{"contentType":"HTML","content":"<p>x</p>"},
             "toRecipients":[{"emailAddress":{"address":"secops@contoso.com"}}]},"saveToSentItems":false}
            """);

        var sent = await sim.Client.PostJsonAsync("users/joeyc@contoso.com/sendMail", mail);
        var unknownSender = await sim.Client.PostJsonAsync("users/nobody@contoso.com/sendMail", mail);
        var kept = await control.GetJsonAsync("sent-mail");

        Assert.Equal(HttpStatusCode.Accepted, sent.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknownSender.Status);
        var message = Assert.Single(sim.State.SentMail);
        Assert.Equal(JoeyId, message.SenderId);
        Assert.Equal("[Watchdog] Admin not covered", message.Subject);
        Assert.Equal(["secops@contoso.com"], message.ToRecipients);
        Assert.False(message.SaveToSentItems);
        Assert.Single(kept.Value);
    }
}
