using System.Net;
using System.Text.Json.Nodes;
using GraphSimulator.Time;
using static GraphSimulator.Tests.TestSimulator;

namespace GraphSimulator.Tests;

public sealed class ConditionalAccessTests
{
    [Fact]
    public async Task Patch_merges_complex_properties_replaces_collections_and_answers_204()
    {
        var time = new ManualTimeProvider();
        await using var sim = await StartAsync(time: time);
        var before = (await sim.Client.GetJsonAsync($"identity/conditionalAccess/policies/{PolicyId}")).Body!;

        var patch = await sim.Client.PatchJsonAsync($"identity/conditionalAccess/policies/{PolicyId}", new JsonObject
        {
            ["state"] = "enabledForReportingButNotEnforced",
            ["conditions"] = new JsonObject { ["users"] = new JsonObject { ["excludeGroups"] = new JsonArray(AdminGroupId) } },
        });
        var after = (await sim.Client.GetJsonAsync($"identity/conditionalAccess/policies/{PolicyId}")).Body!;

        Assert.Equal(HttpStatusCode.NoContent, patch.Status);
        Assert.Null(patch.Body);
        Assert.Equal("enabledForReportingButNotEnforced", after["state"]!.GetValue<string>());
        Assert.Equal([AdminGroupId], after["conditions"]!["users"]!["excludeGroups"]!.AsArray().Select(g => g!.GetValue<string>()).ToArray());
        Assert.True(JsonNode.DeepEquals(before["conditions"]!["users"]!["includeRoles"], after["conditions"]!["users"]!["includeRoles"]));
        Assert.True(JsonNode.DeepEquals(before["conditions"]!["applications"], after["conditions"]!["applications"]));
        Assert.True(JsonNode.DeepEquals(before["grantControls"], after["grantControls"]));
        Assert.Equal("2026-01-01T00:00:00.0000000Z", after["modifiedDateTime"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_rejects_an_unknown_state_and_an_unknown_policy()
    {
        await using var sim = await StartAsync();

        var badState = await sim.Client.PatchJsonAsync($"identity/conditionalAccess/policies/{PolicyId}", new JsonObject { ["state"] = "on" });
        var unknown = await sim.Client.PatchJsonAsync("identity/conditionalAccess/policies/nope", new JsonObject { ["state"] = "enabled" });

        Assert.Equal(HttpStatusCode.BadRequest, badState.Status);
        Assert.Equal("enabled", sim.State.Read(d => d.ConditionalAccessPolicies[0]["state"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
    }

    [Fact]
    public async Task Delete_moves_the_policy_to_deleted_items_and_restore_brings_it_back()
    {
        await using var sim = await StartAsync();

        var deleted = await sim.Client.SendJsonAsync(HttpMethod.Delete, $"identity/conditionalAccess/policies/{PolicyId}", null);
        var live = await sim.Client.GetJsonAsync("identity/conditionalAccess/policies");
        var bin = await sim.Client.GetJsonAsync("identity/conditionalAccess/deletedItems/policies");
        var restored = await sim.Client.PostJsonAsync($"identity/conditionalAccess/deletedItems/policies/{PolicyId}/restore", null);
        var liveAgain = await sim.Client.GetJsonAsync("identity/conditionalAccess/policies");

        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Empty(live.Value);
        Assert.NotNull(Assert.Single(bin.Value)!["deletedDateTime"]);
        Assert.Equal(HttpStatusCode.OK, restored.Status);
        Assert.Equal(PolicyId, restored.Body!["id"]!.GetValue<string>());
        Assert.Null(Assert.Single(liveAgain.Value)!["deletedDateTime"]);
    }

    [Fact]
    public async Task Named_locations_and_authentication_strengths_are_served_at_their_v1_paths()
    {
        await using var sim = await StartAsync();

        var locations = await sim.Client.GetJsonAsync("identity/conditionalAccess/namedLocations");
        var strengths = await sim.Client.GetJsonAsync("identity/conditionalAccess/authenticationStrength/policies");
        var strengthsUnderPolicies = await sim.Client.GetJsonAsync("policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000002");

        Assert.Equal("#microsoft.graph.ipNamedLocation", Assert.Single(locations.Value)!["@odata.type"]!.GetValue<string>());
        Assert.Equal("mfa", Assert.Single(strengths.Value)!["requirementsSatisfied"]!.GetValue<string>());
        Assert.Equal("Multifactor authentication", strengthsUnderPolicies.Body!["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Policies_keep_every_stored_property_including_ones_the_engine_ignores()
    {
        await using var sim = await StartAsync();
        sim.State.Mutate(d => d.ConditionalAccessPolicies[0]["partialEnablementStrategy"] = "futureValue");

        var policy = (await sim.Client.GetJsonAsync("identity/conditionalAccess/policies")).Value[0]!;

        Assert.Equal("futureValue", policy["partialEnablementStrategy"]!.GetValue<string>());
        Assert.Null(policy["@odata.type"]);
    }
}
