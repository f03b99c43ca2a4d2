using System.Net;
using System.Text.Json.Nodes;
using GraphSimulator.ChangeTracking;
using GraphSimulator.State;
using GraphSimulator.Time;
using static GraphSimulator.Tests.TestSimulator;

namespace GraphSimulator.Tests.ChangeTracking;

public sealed class AuditLogTests
{
    private const string Audits = "auditLogs/directoryAudits";

    [Fact]
    public async Task A_policy_patch_through_graph_is_audited_as_graph_writes_it()
    {
        await using var sim = await StartAsync(time: new ManualTimeProvider());

        await sim.Client.PatchJsonAsync($"identity/conditionalAccess/policies/{PolicyId}", new JsonObject { ["state"] = "disabled" });
        var audits = await sim.Client.GetJsonAsync(Audits);

        Assert.EndsWith("/$metadata#auditLogs/directoryAudits", audits.Body!["@odata.context"]!.GetValue<string>());
        var entry = Assert.Single(audits.Value)!;
        Assert.Equal("Update conditional access policy", entry["activityDisplayName"]!.GetValue<string>());
        Assert.Equal("Policy", entry["category"]!.GetValue<string>());
        Assert.Equal("Conditional Access", entry["loggedByService"]!.GetValue<string>());
        Assert.Equal("Update", entry["operationType"]!.GetValue<string>());
        Assert.Equal("success", entry["result"]!.GetValue<string>());
        Assert.Equal("2026-01-01T00:00:00.0000000Z", entry["activityDateTime"]!.GetValue<string>());
        Assert.True(Guid.TryParse(entry["correlationId"]!.GetValue<string>(), out _));
        Assert.Equal(SimulatedApp.ApplicationId, entry["initiatedBy"]!["app"]!["appId"]!.GetValue<string>());
        Assert.Null(entry["initiatedBy"]!["user"]);
        var target = entry["targetResources"]![0]!;
        Assert.Equal(PolicyId, target["id"]!.GetValue<string>());
        Assert.Equal("Policy", target["type"]!.GetValue<string>());
        var modified = Assert.Single(target["modifiedProperties"]!.AsArray())!;
        Assert.Equal("ConditionalAccessPolicy", modified["displayName"]!.GetValue<string>());
        Assert.Equal("enabled", JsonNode.Parse(modified["oldValue"]!.GetValue<string>())!["state"]!.GetValue<string>());
        Assert.Equal("disabled", JsonNode.Parse(modified["newValue"]!.GetValue<string>())!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Policy_create_delete_and_restore_are_audited_with_the_policy_as_first_target()
    {
        var time = new ManualTimeProvider();
        await using var sim = await StartAsync(time: time);

        var created = await sim.Client.PostJsonAsync("identity/conditionalAccess/policies", new JsonObject { ["displayName"] = "New", ["state"] = "disabled" });
        var id = created.Body!["id"]!.GetValue<string>();
        time.Advance(TimeSpan.FromSeconds(1));
        await sim.Client.SendJsonAsync(HttpMethod.Delete, $"identity/conditionalAccess/policies/{id}", null);
        time.Advance(TimeSpan.FromSeconds(1));
        await sim.Client.PostJsonAsync($"identity/conditionalAccess/deletedItems/policies/{id}/restore", null);
        var audits = await sim.Client.GetJsonAsync($"{Audits}?$orderby=activityDateTime asc");

        Assert.Equal(
            ["Add conditional access policy", "Delete conditional access policy", "Restore conditional access policy"],
            audits.Value.Select(e => e!["activityDisplayName"]!.GetValue<string>()));
        Assert.All(audits.Value, e => Assert.Equal(id, e!["targetResources"]![0]!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Group_member_writes_and_control_api_changes_are_audited_with_who_did_them()
    {
        var time = new ManualTimeProvider();
        await using var sim = await StartAsync(time: time);

        await sim.Client.PostJsonAsync($"groups/{ExclusionGroupId}/members/$ref",
            new JsonObject { ["@odata.id"] = $"https://graph.microsoft.com/v1.0/directoryObjects/{JoeyId}" });
        time.Advance(TimeSpan.FromSeconds(1));
        await sim.Changes.RemoveGroupMemberAsync(ExclusionGroupId, JoeyId);
        time.Advance(TimeSpan.FromSeconds(1));
        await sim.Changes.AssignRoleAsync(LenaId, GlobalAdminRoleId);
        time.Advance(TimeSpan.FromSeconds(1));
        await sim.Changes.RemoveRoleAssignmentAsync(LenaId, GlobalAdminRoleId);
        time.Advance(TimeSpan.FromSeconds(1));
        await sim.Changes.UpdateUserAsync(LenaId, new JsonObject { ["accountEnabled"] = false });
        var audits = (await sim.Client.GetJsonAsync($"{Audits}?$orderby=activityDateTime")).Value;

        Assert.Equal(
            [("Add member to group", "GroupManagement"), ("Remove member from group", "GroupManagement"),
             ("Add member to role", "RoleManagement"), ("Remove member from role", "RoleManagement"), ("Update user", "UserManagement")],
            audits.Select(e => (e!["activityDisplayName"]!.GetValue<string>(), e["category"]!.GetValue<string>())));
        Assert.Equal([JoeyId, JoeyId, LenaId, LenaId, LenaId], audits.Select(e => e!["targetResources"]![0]!["id"]!.GetValue<string>()));
        Assert.Equal(ExclusionGroupId, audits[0]!["targetResources"]![1]!["id"]!.GetValue<string>());
        Assert.Equal($"\"{ExclusionGroupId}\"", audits[0]!["targetResources"]![0]!["modifiedProperties"]![0]!["newValue"]!.GetValue<string>());
        Assert.Equal(GlobalAdminRoleId, audits[2]!["targetResources"]![1]!["id"]!.GetValue<string>());
        Assert.Equal("Core Directory", audits[2]!["loggedByService"]!.GetValue<string>());
        Assert.Equal(SimulatedApp.ApplicationId, audits[0]!["initiatedBy"]!["app"]!["appId"]!.GetValue<string>());
        Assert.All(audits.Skip(1), e =>
            Assert.Equal(SimulatedApp.PortalAdminUserPrincipalName, e!["initiatedBy"]!["user"]!["userPrincipalName"]!.GetValue<string>()));
        Assert.Equal("false", audits[4]!["targetResources"]![0]!["modifiedProperties"]![0]!["newValue"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_role_assigned_through_the_control_api_is_served_by_role_management()
    {
        await using var sim = await StartAsync();

        await sim.Changes.AssignRoleAsync(LenaId, UserAdminRoleId);
        var assignments = await sim.Client.GetJsonAsync($"roleManagement/directory/roleAssignments?$filter=principalId eq '{LenaId}'");
        var again = await Assert.ThrowsAsync<Wire.GraphException>(() => sim.Changes.AssignRoleAsync(LenaId, UserAdminRoleId));

        Assert.Equal(UserAdminRoleId, Assert.Single(assignments.Value)!["roleDefinitionId"]!.GetValue<string>());
        Assert.Equal(400, again.Status);
    }

    [Fact]
    public async Task Filters_on_date_time_category_and_name_combine_with_and_or_and_parentheses()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 8, 20, 9, 59, 0, TimeSpan.Zero));
        await using var sim = await StartAsync(time: time);
        await sim.Changes.UpdatePolicyAsync(PolicyId, new JsonObject { ["state"] = "disabled" });        // 09:59
        time.Advance(TimeSpan.FromMinutes(2));
        await sim.Changes.UpdatePolicyAsync(PolicyId, new JsonObject { ["state"] = "enabled" });         // 10:01
        await sim.Changes.AssignRoleAsync(LenaId, GlobalAdminRoleId);                                    // 10:01
        time.Advance(TimeSpan.FromMinutes(2));
        await sim.Changes.AddGroupMemberAsync(ExclusionGroupId, JoeyId);                                 // 10:03

        async Task<int> CountAsync(string filter) =>
            (await sim.Client.GetJsonAsync($"{Audits}?$filter={Uri.EscapeDataString(filter)}")).Value.Count;

        Assert.Equal(3, await CountAsync("activityDateTime ge 2026-08-20T10:00:00Z"));
        Assert.Equal(1, await CountAsync("activityDateTime ge 2026-08-20T10:00:00Z and category eq 'Policy'"));
        Assert.Equal(1, await CountAsync("activityDateTime lt 2026-08-20T10:00:00Z"));
        Assert.Equal(2, await CountAsync("activityDateTime gt 2026-08-20T09:59:00Z and activityDateTime le 2026-08-20T10:01:00.0000000Z"));
        Assert.Equal(1, await CountAsync("activityDateTime ge 2026-08-20T12:02:00+02:00"));
        Assert.Equal(2, await CountAsync("activityDisplayName eq 'update conditional access policy'"));
        Assert.Equal(3, await CountAsync("activityDateTime ge 2026-08-20T10:00:00Z and (category eq 'Policy' or category eq 'RoleManagement' or category eq 'GroupManagement')"));
        Assert.Equal(2, await CountAsync("(category eq 'GroupManagement' or category eq 'RoleManagement') and activityDateTime ge 2026-08-20T10:00:00Z"));
    }

    [Fact]
    public async Task Entries_are_ordered_newest_first_unless_asked_and_paged_with_next_links()
    {
        var time = new ManualTimeProvider();
        await using var sim = await StartAsync(time: time);
        foreach (var state in new[] { "disabled", "enabled", "disabled", "enabled", "disabled" })
        {
            await sim.Changes.UpdatePolicyAsync(PolicyId, new JsonObject { ["state"] = state });
            time.Advance(TimeSpan.FromMinutes(1));
        }

        var newestFirst = await sim.Client.GetJsonAsync(Audits);
        var oldestFirst = await sim.Client.GetJsonAsync($"{Audits}?$orderby=activityDateTime asc&$filter=category eq 'Policy'&$top=2");
        var pages = new List<JsonReply> { oldestFirst };
        while (pages[^1].Body!["@odata.nextLink"] is { } next)
        {
            pages.Add(await sim.Client.GetJsonAsync(next.GetValue<string>()));
        }

        var times = newestFirst.Value.Select(e => e!["activityDateTime"]!.GetValue<string>()).ToList();
        Assert.Equal(times.OrderDescending(StringComparer.Ordinal), times);
        Assert.Equal([2, 2, 1], pages.Select(p => p.Value.Count));
        Assert.Equal(times.AsEnumerable().Reverse(), pages.SelectMany(p => p.Value).Select(e => e!["activityDateTime"]!.GetValue<string>()));
        Assert.All(pages.Skip(1), p => Assert.Equal(HttpStatusCode.OK, p.Status));
    }

    [Fact]
    public async Task Select_and_get_by_id_shape_entries_and_other_orderings_are_refused()
    {
        await using var sim = await StartAsync();
        await sim.Changes.AssignRoleAsync(LenaId, GlobalAdminRoleId);

        var selected = await sim.Client.GetJsonAsync($"{Audits}?$select=id,category");
        var id = selected.Value[0]!["id"]!.GetValue<string>();
        var one = await sim.Client.GetJsonAsync($"{Audits}/{id}");
        var missing = await sim.Client.GetJsonAsync($"{Audits}/Directory_nope");
        var byCategory = await sim.Client.GetJsonAsync($"{Audits}?$orderby=category");

        Assert.Equal(["id", "category"], selected.Value[0]!.AsObject().Select(p => p.Key));
        Assert.Equal("Add member to role", one.Body!["activityDisplayName"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal("Request_UnsupportedQuery", byCategory.ErrorCode);
    }

    [Fact]
    public async Task Entries_from_the_snapshot_are_served_and_new_ones_wait_for_the_ingestion_delay()
    {
        var snapshot = TenantState.ParseSnapshot(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "sample-tenant.json")));
        snapshot["directoryAudits"] = new JsonArray(new JsonObject
        {
            ["id"] = "Directory_preloaded", ["category"] = "Policy", ["activityDisplayName"] = "Add conditional access policy",
            ["activityDateTime"] = "2025-12-31T23:00:00Z",
        });
        var time = new ManualTimeProvider();
        await using var sim = await GraphSimulatorHost.StartAsync(TenantState.FromSnapshot(snapshot),
            new SimulatorOptions { AuditLogIngestionDelay = TimeSpan.FromMinutes(3) }, time);

        await sim.Changes.AssignRoleAsync(LenaId, GlobalAdminRoleId);
        var beforeIngestion = await sim.Client.GetJsonAsync(Audits);
        time.Advance(TimeSpan.FromMinutes(3));
        var afterIngestion = await sim.Client.GetJsonAsync(Audits);

        Assert.Equal(["Directory_preloaded"], beforeIngestion.Value.Select(e => e!["id"]!.GetValue<string>()));
        Assert.Equal(2, afterIngestion.Value.Count);
        Assert.Equal(2, sim.State.ToSnapshot()["directoryAudits"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_reports_limit_answers_429_with_an_integer_retry_after_until_the_window_passes()
    {
        var time = new ManualTimeProvider();
        await using var sim = await StartAsync(new SimulatorOptions { ReportsThrottle = new ReportsThrottleOptions() }, time);

        var admitted = new List<JsonReply>();
        for (var i = 0; i < 5; i++)
        {
            admitted.Add(await sim.Client.GetJsonAsync(Audits));
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var throttled = await sim.Client.GetJsonAsync(Audits);
        time.Advance(TimeSpan.FromSeconds(5));
        var later = await sim.Client.GetJsonAsync(Audits);

        Assert.All(admitted, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal((HttpStatusCode)429, throttled.Status);
        Assert.Equal("TooManyRequests", throttled.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(5), throttled.Message.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.OK, later.Status);
    }
}
