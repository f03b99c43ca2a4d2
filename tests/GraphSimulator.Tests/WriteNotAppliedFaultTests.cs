using System.Net;
using System.Text.Json.Nodes;
using GraphSimulator.Faults;
using static GraphSimulator.Tests.TestSimulator;

namespace GraphSimulator.Tests;

/// <summary>The "does not stick" fault: Graph acknowledges a write that never shows on a read.</summary>
public sealed class WriteNotAppliedFaultTests
{
    [Fact]
    public async Task An_ignored_policy_patch_answers_204_and_changes_nothing_then_the_rule_is_spent()
    {
        await using var sim = await StartAsync();
        sim.Faults.Add(FaultRule.NotApplied("PATCH", "/identity/conditionalAccess/policies"));
        var patch = new JsonObject { ["state"] = "disabled" };

        var ignored = await sim.Client.PatchJsonAsync($"identity/conditionalAccess/policies/{PolicyId}", patch);
        var afterIgnored = await sim.Client.GetJsonAsync($"identity/conditionalAccess/policies/{PolicyId}");
        var applied = await sim.Client.PatchJsonAsync($"identity/conditionalAccess/policies/{PolicyId}", patch);
        var afterApplied = await sim.Client.GetJsonAsync($"identity/conditionalAccess/policies/{PolicyId}");

        Assert.Equal(HttpStatusCode.NoContent, ignored.Status);
        Assert.Equal("enabled", afterIgnored.Body!["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, applied.Status);
        Assert.Equal("disabled", afterApplied.Body!["state"]!.GetValue<string>());
        Assert.Equal(1, sim.Stats.Snapshot().Faults);
    }

    [Fact]
    public async Task An_ignored_member_add_answers_204_and_leaves_the_group_as_it_was()
    {
        await using var sim = await StartAsync();
        using var control = new HttpClient { BaseAddress = new Uri(sim.RootUrl + "/_simulator/") };
        await control.PostJsonAsync("faults", JsonNode.Parse($$"""{"method":"POST","pathPrefix":"/groups/{{ExclusionGroupId}}/members","kind":"Ignore"}"""));

        var added = await sim.Client.PostJsonAsync($"groups/{ExclusionGroupId}/members/$ref",
            new JsonObject { ["@odata.id"] = $"https://graph.microsoft.com/v1.0/directoryObjects/{JoeyId}" });
        var members = await sim.Client.GetJsonAsync($"groups/{ExclusionGroupId}/members?$select=id");

        Assert.Equal(HttpStatusCode.NoContent, added.Status);
        Assert.DoesNotContain(members.Body!["value"]!.AsArray(), m => m!["id"]!.GetValue<string>() == JoeyId);
    }
}
