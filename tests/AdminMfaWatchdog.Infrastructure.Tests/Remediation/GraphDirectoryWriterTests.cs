using System.Text.Json.Nodes;
using AdminMfaWatchdog.Core.Ports;
using AdminMfaWatchdog.Core.Tests.Kit;
using CorePolicyState = AdminMfaWatchdog.Core.ConditionalAccess.PolicyState;

namespace AdminMfaWatchdog.Infrastructure.Tests.Remediation;

/// <summary>The writer and read-back on the wire: Graph's answers as the simulator gives them.</summary>
public sealed class GraphDirectoryWriterTests
{
    private readonly RemediationTenants _tenant = new();

    [Fact]
    public async Task Adding_a_member_that_is_already_there_succeeds()
    {
        await using var run = await _tenant.StartAsync(_tenant.Config);

        await run.Writer.AddGroupMemberAsync(_tenant.ExclusionGroup.Id, _tenant.Clerk.Id, CancellationToken.None);

        Assert.True(await run.ReadBack.IsDirectMemberAsync(_tenant.ExclusionGroup.Id, _tenant.Clerk.Id, CancellationToken.None));
        Assert.Equal(1, run.Live.Simulator.Stats.Snapshot().ByStatus.GetValueOrDefault(400));
    }

    [Fact]
    public async Task Removing_a_member_is_read_back()
    {
        await using var run = await _tenant.StartAsync(_tenant.Config);

        await run.Writer.RemoveGroupMemberAsync(_tenant.ExclusionGroup.Id, _tenant.Clerk.Id, CancellationToken.None);

        Assert.False(await run.ReadBack.IsDirectMemberAsync(_tenant.ExclusionGroup.Id, _tenant.Clerk.Id, CancellationToken.None));
    }

    [Fact]
    public async Task A_policy_patch_changes_only_the_property_written()
    {
        await using var run = await _tenant.StartAsync(_tenant.Config);
        var id = _tenant.Policy["CA003"];
        var before = await PolicyJsonAsync(run, id);

        await run.Writer.SetPolicyIncludeRolesAsync(id, [Roles.GlobalAdministrator, Roles.ExchangeAdministrator], CancellationToken.None);
        await run.Writer.SetPolicyExcludeGroupsAsync(id, [_tenant.ExclusionGroup.Id], CancellationToken.None);
        await run.Writer.SetPolicyStateAsync(id, CorePolicyState.EnabledForReportingButNotEnforced, CancellationToken.None);

        var after = await PolicyJsonAsync(run, id);
        var expected = (JsonObject)before.DeepClone();
        expected["state"] = "enabledForReportingButNotEnforced";
        expected["conditions"]!["users"]!["includeRoles"] = new JsonArray(Roles.GlobalAdministrator, Roles.ExchangeAdministrator);
        expected["conditions"]!["users"]!["excludeGroups"] = new JsonArray(_tenant.ExclusionGroup.Id);
        after.Remove("modifiedDateTime");
        expected.Remove("modifiedDateTime");
        Assert.Equal(expected.ToJsonString(), after.ToJsonString());
    }

    [Fact]
    public async Task A_deleted_policy_is_read_from_deleted_items_and_restored()
    {
        await using var run = await _tenant.StartAsync(_tenant.Config);
        Assert.Null(await run.ReadBack.ReadPolicyAsync(RemediationTenants.DeletedPolicyId, CancellationToken.None));

        var deleted = await run.ReadBack.ReadDeletedPolicyAsync(RemediationTenants.DeletedPolicyId, CancellationToken.None);
        await run.Writer.RestoreDeletedPolicyAsync(RemediationTenants.DeletedPolicyId, CancellationToken.None);

        Assert.Equal("CA004", deleted?.DisplayName);
        Assert.Equal("CA004", (await run.ReadBack.ReadPolicyAsync(RemediationTenants.DeletedPolicyId, CancellationToken.None))?.DisplayName);
        Assert.Null(await run.ReadBack.ReadDeletedPolicyAsync(RemediationTenants.DeletedPolicyId, CancellationToken.None));
    }

    [Fact]
    public async Task Refusals_carry_graphs_status()
    {
        var t = new TenantBuilder();
        var user = t.User("svc-a");
        var dynamicGroup = t.DynamicGroup("Dynamic");
        await using var run = await LiveRemediation.StartAsync(t.Build(), Configs.Default);

        var dynamic = await Assert.ThrowsAsync<DirectoryWriteException>(() =>
            run.Writer.AddGroupMemberAsync(dynamicGroup.Id, user.Id, CancellationToken.None));
        var unknown = await Assert.ThrowsAsync<DirectoryWriteException>(() =>
            run.Writer.RestoreDeletedPolicyAsync("dead0000-0000-4000-8000-000000000001", CancellationToken.None));

        Assert.Equal(403, dynamic.Status);
        Assert.StartsWith($"add {user.Id} to group {dynamicGroup.Id} failed with HTTP 403 Authorization_RequestDenied", dynamic.Message);
        Assert.Equal(404, unknown.Status);
    }

    [Fact]
    public async Task Mail_is_sent_as_the_sender_without_a_copy_in_sent_items()
    {
        await using var run = await _tenant.StartAsync(_tenant.Config);

        await run.Writer.SendMailAsync(_tenant.Clerk.UserPrincipalName!,
            new OutgoingMail("[Watchdog] 1 new finding", "<p>svc-backup is not excluded</p>", ["secops@contoso.example", "oncall@contoso.example"]),
            CancellationToken.None);

        var mail = Assert.Single(run.Live.Simulator.State.SentMail);
        Assert.Equal("[Watchdog] 1 new finding", mail.Subject);
        Assert.Equal(["secops@contoso.example", "oncall@contoso.example"], mail.ToRecipients);
        Assert.False(mail.SaveToSentItems);
        Assert.Equal("<p>svc-backup is not excluded</p>", mail.Message["body"]?["content"]?.GetValue<string>());
    }

    private static async Task<JsonObject> PolicyJsonAsync(LiveRemediation run, string id)
    {
        using var response = await run.Live.Simulator.Client.GetAsync($"identity/conditionalAccess/policies/{id}");
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
