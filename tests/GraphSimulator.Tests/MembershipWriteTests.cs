using System.Net;
using System.Text.Json.Nodes;
using static GraphSimulator.Tests.TestSimulator;

namespace GraphSimulator.Tests;

public sealed class MembershipWriteTests
{
    private static JsonObject Reference(string id) =>
        new() { ["@odata.id"] = $"https://graph.microsoft.com/v1.0/directoryObjects/{id}" };

    [Fact]
    public async Task Adding_a_member_answers_204_and_a_second_add_answers_already_exists()
    {
        await using var sim = await StartAsync();

        var added = await sim.Client.PostJsonAsync($"groups/{ExclusionGroupId}/members/$ref", Reference(ServiceAccountId));
        var again = await sim.Client.PostJsonAsync($"groups/{ExclusionGroupId}/members/$ref", Reference(ServiceAccountId));

        Assert.Equal(HttpStatusCode.NoContent, added.Status);
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Equal("Request_BadRequest", again.ErrorCode);
        Assert.Equal("One or more added object references already exist for the following modified properties: 'members'.", again.ErrorMessage);
        Assert.True(sim.State.Read(d => d.DirectMembers(d.FindGroup(ExclusionGroupId)!).Any(m => m.Id == ServiceAccountId)));
    }

    [Fact]
    public async Task Dynamic_groups_refuse_member_writes_with_403()
    {
        await using var sim = await StartAsync();

        var add = await sim.Client.PostJsonAsync($"groups/{DynamicGroupId}/members/$ref", Reference(JoeyId));
        var remove = await sim.Client.SendJsonAsync(HttpMethod.Delete, $"groups/{DynamicGroupId}/members/{ServiceAccountId}/$ref", null);

        Assert.Equal(HttpStatusCode.Forbidden, add.Status);
        Assert.Equal("Authorization_RequestDenied", add.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, remove.Status);
    }

    [Fact]
    public async Task Removing_a_member_answers_204_then_404_once_it_is_gone()
    {
        await using var sim = await StartAsync();
        var url = $"groups/{ExclusionGroupId}/members/{BreakGlassId}/$ref";

        var removed = await sim.Client.SendJsonAsync(HttpMethod.Delete, url, null);
        var again = await sim.Client.SendJsonAsync(HttpMethod.Delete, url, null);
        var members = await sim.Client.GetJsonAsync($"groups/{ExclusionGroupId}/members");

        Assert.Equal(HttpStatusCode.NoContent, removed.Status);
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
        Assert.Empty(members.Value);
    }

    [Fact]
    public async Task Adding_an_unknown_object_or_to_an_unknown_group_answers_404()
    {
        await using var sim = await StartAsync();

        var unknownMember = await sim.Client.PostJsonAsync($"groups/{ExclusionGroupId}/members/$ref",
            Reference("22222222-2222-2222-2222-222222222222"));
        var unknownGroup = await sim.Client.PostJsonAsync("groups/33333333-3333-3333-3333-333333333333/members/$ref", Reference(JoeyId));
        var badReference = await sim.Client.PostJsonAsync($"groups/{ExclusionGroupId}/members/$ref", new JsonObject { ["@odata.id"] = "nope" });

        Assert.Equal(HttpStatusCode.NotFound, unknownMember.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknownGroup.Status);
        Assert.Equal(HttpStatusCode.BadRequest, badReference.Status);
    }
}
