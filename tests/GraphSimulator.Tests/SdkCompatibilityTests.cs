using System.Net;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions.Authentication;
using static GraphSimulator.Tests.TestSimulator;

namespace GraphSimulator.Tests;

/// <summary>The real Microsoft.Graph 5.92 SDK, with its default middleware, against the simulator: it must accept every wire shape.</summary>
public sealed class SdkCompatibilityTests : IAsyncLifetime
{
    private GraphSimulatorHost _sim = null!;
    private HttpClient _http = null!;
    private GraphServiceClient _graph = null!;

    public async Task InitializeAsync()
    {
        _sim = await StartAsync();
        _http = GraphClientFactory.Create(GraphClientFactory.CreateDefaultHandlers(), finalHandler: new SocketsHttpHandler());
        _graph = new GraphServiceClient(_http, new AnonymousAuthenticationProvider(), _sim.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        _graph.Dispose();
        _http.Dispose();
        await _sim.DisposeAsync();
    }

    [Fact]
    public async Task Users_are_listed_across_pages_with_the_page_iterator()
    {
        var first = await _graph.Users.GetAsync(rc => rc.QueryParameters.Select = ["id", "userPrincipalName", "accountEnabled"]);
        var users = new List<User>();
        var iterator = PageIterator<User, UserCollectionResponse>.CreatePageIterator(_graph, first!, user =>
        {
            users.Add(user);
            return true;
        });

        await iterator.IterateAsync();

        Assert.Equal(TotalUsers, users.Select(u => u.Id).Distinct().Count());
        Assert.Equal(25, users.Count(u => u.AccountEnabled == false));
        Assert.Equal(3, _sim.Stats.Snapshot().For("GET /v1.0/users"));
    }

    [Fact]
    public async Task Conditional_access_policies_deserialize_into_the_sdk_model()
    {
        var policies = await _graph.Identity.ConditionalAccess.Policies.GetAsync();

        var policy = Assert.Single(policies!.Value!);
        Assert.Equal(ConditionalAccessPolicyState.Enabled, policy.State);
        Assert.Equal([GlobalAdminRoleId, UserAdminRoleId], policy.Conditions!.Users!.IncludeRoles);
        Assert.Equal([ExclusionGroupId], policy.Conditions.Users.ExcludeGroups);
        Assert.Equal(ConditionalAccessGrantControl.Mfa, Assert.Single(policy.GrantControls!.BuiltInControls!));
    }

    [Fact]
    public async Task Role_assignments_expand_typed_principals()
    {
        var assignments = await _graph.RoleManagement.Directory.RoleAssignments.GetAsync(rc =>
        {
            rc.QueryParameters.Filter = $"roleDefinitionId eq '{GlobalAdminRoleId}'";
            rc.QueryParameters.Expand = ["principal"];
        });

        Assert.Collection(assignments!.Value!,
            a => Assert.IsType<User>(a.Principal),
            a => Assert.True(Assert.IsType<Group>(a.Principal).IsAssignableToRole));
    }

    [Fact]
    public async Task Transitive_member_users_come_through_the_cast_builder()
    {
        var users = await _graph.Groups[AdminGroupId].TransitiveMembers.GraphUser.GetAsync(rc =>
        {
            rc.QueryParameters.Select = ["id", "userPrincipalName"];
            rc.QueryParameters.Count = true;
            rc.Headers.Add("ConsistencyLevel", "eventual");
        });

        Assert.Equal(1, users!.OdataCount);
        Assert.Equal(LenaId, Assert.Single(users.Value!).Id);
    }

    [Fact]
    public async Task Member_writes_and_their_errors_surface_as_the_sdk_expects()
    {
        // A fresh model per request: the SDK's backing store serializes only CHANGED values the second time.
        ReferenceCreate Reference() => new() { OdataId = $"https://graph.microsoft.com/v1.0/directoryObjects/{ServiceAccountId}" };

        await _graph.Groups[ExclusionGroupId].Members.Ref.PostAsync(Reference());
        var duplicate = await Assert.ThrowsAsync<ODataError>(() => _graph.Groups[ExclusionGroupId].Members.Ref.PostAsync(Reference()));
        var dynamicGroup = await Assert.ThrowsAsync<ODataError>(() => _graph.Groups[DynamicGroupId].Members[ServiceAccountId].Ref.DeleteAsync());

        Assert.Equal(400, duplicate.ResponseStatusCode);
        Assert.Contains("already exist", duplicate.Error!.Message);
        Assert.Equal(403, dynamicGroup.ResponseStatusCode);
        Assert.Equal("Authorization_RequestDenied", dynamicGroup.Error!.Code);
    }

    [Fact]
    public async Task Batches_built_by_the_sdk_are_answered_step_by_step()
    {
        var batch = new BatchRequestContentCollection(_graph);
        var user = await batch.AddBatchRequestStepAsync(_graph.Users[JoeyId].ToGetRequestInformation(rc => rc.QueryParameters.Select = ["id", "accountEnabled"]));
        var add = await batch.AddBatchRequestStepAsync(_graph.Groups[ExclusionGroupId].Members.Ref.ToPostRequestInformation(
            new ReferenceCreate { OdataId = $"https://graph.microsoft.com/v1.0/directoryObjects/{JoeyId}" }));

        var response = await _graph.Batch.PostAsync(batch);
        var statuses = await response.GetResponsesStatusCodesAsync();

        Assert.Equal(HttpStatusCode.OK, statuses[user]);
        Assert.Equal(HttpStatusCode.NoContent, statuses[add]);
        Assert.True((await response.GetResponseByIdAsync<User>(user)).AccountEnabled);
        Assert.True(_sim.State.Read(d => d.DirectMembers(d.FindGroup(ExclusionGroupId)!).Any(m => m.Id == JoeyId)));
    }
}
