using System.Net;
using System.Text.Json.Nodes;
using GraphSimulator.State;
using static GraphSimulator.Tests.TestSimulator;

namespace GraphSimulator.Tests;

public sealed class DirectoryReadTests
{
    /// <summary>Nests the admin group (Lena) and the service principal in the exclusion group (break-glass).</summary>
    private static void NestAdminGroupInExclusionGroup(GraphSimulatorHost sim) => sim.State.Mutate(data =>
    {
        var exclusion = data.FindGroup(ExclusionGroupId)!;
        data.AddMember(exclusion, data.FindDirectoryObject(AdminGroupId)!);
        data.AddMember(exclusion, data.FindDirectoryObject(ServicePrincipalId)!);
    });

    [Fact]
    public async Task Members_are_direct_typed_and_leave_service_principals_out_as_v1_does()
    {
        await using var sim = await StartAsync();
        NestAdminGroupInExclusionGroup(sim);

        var members = await sim.Client.GetJsonAsync($"groups/{ExclusionGroupId}/members?$select=id");
        var expanded = await sim.Client.GetJsonAsync($"groups/{ExclusionGroupId}?$expand=members($select=id)");
        var group = await sim.Client.GetJsonAsync($"groups/{ExclusionGroupId}");

        Assert.Equal(
            [("#microsoft.graph.user", BreakGlassId), ("#microsoft.graph.group", AdminGroupId)],
            members.Value.Select(m => (m!["@odata.type"]!.GetValue<string>(), m["id"]!.GetValue<string>())).ToArray());
        Assert.Equal(3, expanded.Body!["members"]!.AsArray().Count);
        Assert.False(group.Body!.AsObject().ContainsKey("members"));
    }

    [Fact]
    public async Task Transitive_members_flatten_nesting_and_cast_segments_filter_by_type()
    {
        await using var sim = await StartAsync();
        NestAdminGroupInExclusionGroup(sim);

        var all = await sim.Client.GetJsonAsync($"groups/{ExclusionGroupId}/transitiveMembers?$select=id");
        var users = await sim.Client.GetJsonAsync($"groups/{ExclusionGroupId}/transitiveMembers/microsoft.graph.user?$select=id,userPrincipalName");
        var sdkForm = await sim.Client.GetJsonAsync($"groups/{ExclusionGroupId}/transitiveMembers/graph.user?$select=id");

        Assert.Equal(4, all.Value.Count);
        Assert.Equal([BreakGlassId, LenaId], users.Value.Select(u => u!["id"]!.GetValue<string>()).ToArray());
        Assert.Null(users.Value[0]!["@odata.type"]);
        Assert.Equal(2, sdkForm.Value.Count);
    }

    [Fact]
    public async Task Transitive_member_of_and_check_member_groups_follow_nesting()
    {
        await using var sim = await StartAsync();
        NestAdminGroupInExclusionGroup(sim);

        var memberOf = await sim.Client.GetJsonAsync($"users/{LenaId}/transitiveMemberOf/microsoft.graph.group?$select=id");
        var check = await sim.Client.PostJsonAsync($"users/{LenaId}/checkMemberGroups",
            new JsonObject { ["groupIds"] = new JsonArray(ExclusionGroupId, DynamicGroupId) });
        var checkViaDirectoryObjects = await sim.Client.PostJsonAsync($"directoryObjects/{ServicePrincipalId}/checkMemberGroups",
            new JsonObject { ["groupIds"] = new JsonArray(ExclusionGroupId) });

        Assert.Equal([AdminGroupId, ExclusionGroupId], memberOf.Value.Select(g => g!["id"]!.GetValue<string>()).ToArray());
        Assert.Equal([ExclusionGroupId], check.Value.Select(g => g!.GetValue<string>()).ToArray());
        Assert.Equal([ExclusionGroupId], checkViaDirectoryObjects.Value.Select(g => g!.GetValue<string>()).ToArray());
    }

    [Fact]
    public async Task Get_by_ids_returns_typed_objects_and_honours_types()
    {
        await using var sim = await StartAsync();
        var ids = new JsonArray(JoeyId, AdminGroupId, ServicePrincipalId, "11111111-1111-1111-1111-111111111111");

        var all = await sim.Client.PostJsonAsync("directoryObjects/getByIds", new JsonObject { ["ids"] = ids });
        var usersOnly = await sim.Client.PostJsonAsync("directoryObjects/getByIds",
            new JsonObject { ["ids"] = ids.DeepClone(), ["types"] = new JsonArray("user") });

        Assert.Equal(
            [ODataTypes.User, ODataTypes.Group, ODataTypes.ServicePrincipal],
            all.Value.Select(o => o!["@odata.type"]!.GetValue<string>()).ToArray());
        Assert.Single(usersOnly.Value);
    }

    [Theory]
    [InlineData("roleDefinitionId eq '62e90394-69f5-4237-9190-012177145e10'", 2)]
    [InlineData("roleDefinitionId in ('62e90394-69f5-4237-9190-012177145e10','fe930be7-5e62-47db-91af-98c3a49a38b1')", 3)]
    [InlineData("principalId eq 'c65b94a5-0049-439a-a6fd-bce307077730' and directoryScopeId eq '/'", 1)]
    public async Task Role_assignments_filter_by_role_and_expand_their_principal(string filter, int expected)
    {
        await using var sim = await StartAsync();

        var reply = await sim.Client.GetJsonAsync(
            $"roleManagement/directory/roleAssignments?$filter={Uri.EscapeDataString(filter)}&$expand=principal");

        Assert.Equal(expected, reply.Value.Count);
        Assert.All(reply.Value, a =>
            Assert.Equal(a!["principalId"]!.GetValue<string>(), a["principal"]!["id"]!.GetValue<string>()));
        Assert.Contains(reply.Value, a => a!["principal"]!["@odata.type"]!.GetValue<string>() is ODataTypes.Group or ODataTypes.ServicePrincipal);
    }

    [Fact]
    public async Task Eligibility_instances_are_served_from_the_snapshot_with_the_same_filters()
    {
        await using var sim = await StartAsync();

        var reply = await sim.Client.GetJsonAsync(
            $"roleManagement/directory/roleEligibilityScheduleInstances?$filter=roleDefinitionId in ('{UserAdminRoleId}')&$expand=principal($select=id,userPrincipalName)");
        var definitions = await sim.Client.GetJsonAsync("roleManagement/directory/roleDefinitions?$select=id,templateId,isPrivileged");

        var instance = Assert.Single(reply.Value)!;
        Assert.Equal("Direct", instance["memberType"]!.GetValue<string>());
        Assert.Equal("lenab@contoso.com", instance["principal"]!["userPrincipalName"]!.GetValue<string>());
        Assert.Equal(2, definitions.Value.Count);
    }

    [Fact]
    public async Task An_unknown_expand_is_rejected()
    {
        await using var sim = await StartAsync();

        var reply = await sim.Client.GetJsonAsync("roleManagement/directory/roleAssignments?$expand=directoryScope");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
    }
}
