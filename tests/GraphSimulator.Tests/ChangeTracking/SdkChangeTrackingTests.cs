using System.Globalization;
using System.Text.Json.Nodes;
using GraphSimulator.ChangeTracking;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions.Authentication;
using static GraphSimulator.Tests.TestSimulator;

namespace GraphSimulator.Tests.ChangeTracking;

/// <summary>The real Microsoft.Graph 5.92 SDK creates, renews, reauthorizes and deletes subscriptions, and reads audit logs.</summary>
public sealed class SdkChangeTrackingTests : IAsyncLifetime
{
    private ChangeTrackingFixture _f = null!;
    private HttpClient _http = null!;
    private GraphServiceClient _graph = null!;

    public async Task InitializeAsync()
    {
        _f = await ChangeTrackingFixture.StartAsync();
        _http = GraphClientFactory.Create(GraphClientFactory.CreateDefaultHandlers(), finalHandler: new SocketsHttpHandler());
        _graph = new GraphServiceClient(_http, new AnonymousAuthenticationProvider(), _f.Sim.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        _graph.Dispose();
        _http.Dispose();
        await _f.DisposeAsync();
    }

    [Fact]
    public async Task A_subscription_made_with_the_sdk_notifies_and_is_renewed_reauthorized_and_deleted()
    {
        var created = await _graph.Subscriptions.PostAsync(new Subscription
        {
            ChangeType = "updated,deleted",
            NotificationUrl = _f.NotifyUrl,
            LifecycleNotificationUrl = _f.LifecycleUrl,
            Resource = $"/groups/{ExclusionGroupId}/members",
            ExpirationDateTime = _f.Time.GetUtcNow().AddDays(2),
            ClientState = ChangeTrackingFixture.ClientState,
            LatestSupportedTlsVersion = "v1_2",
        });
        await _f.Sim.Changes.AddGroupMemberAsync(ExclusionGroupId, JoeyId);
        var renewed = await _graph.Subscriptions[created!.Id].PatchAsync(new Subscription { ExpirationDateTime = _f.Time.GetUtcNow().AddDays(20) });
        await _graph.Subscriptions[created.Id].Reauthorize.PostAsync();
        var listed = await _graph.Subscriptions.GetAsync();
        await _graph.Subscriptions[created.Id].DeleteAsync();
        var missing = await Assert.ThrowsAsync<ODataError>(() => _graph.Subscriptions[created.Id].GetAsync());

        Assert.Equal(SimulatedApp.ApplicationId, created.ApplicationId);
        Assert.False(created.IncludeResourceData);
        Assert.Equal(_f.Time.GetUtcNow().AddDays(2), created.ExpirationDateTime);
        Assert.Equal(created.Id, Assert.Single(_f.Receiver.Notifications).Value[0]!["subscriptionId"]!.GetValue<string>());
        Assert.Equal(_f.Time.GetUtcNow().AddDays(20), renewed!.ExpirationDateTime);
        Assert.Equal(created.Id, Assert.Single(listed!.Value!).Id);
        Assert.Equal(404, missing.ResponseStatusCode);
        Assert.Equal("ResourceNotFound", missing.Error!.Code);
    }

    [Fact]
    public async Task A_failed_handshake_surfaces_in_the_sdk_as_graphs_400()
    {
        _f.Receiver.Answer = (context, _) => Task.FromResult(context.Response.StatusCode = 500);

        var error = await Assert.ThrowsAsync<ODataError>(() => _graph.Subscriptions.PostAsync(new Subscription
        {
            ChangeType = "updated",
            NotificationUrl = _f.NotifyUrl,
            Resource = "/users",
            ExpirationDateTime = _f.Time.GetUtcNow().AddDays(1),
        }));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal("InvalidRequest", error.Error!.Code);
    }

    [Fact]
    public async Task Directory_audits_deserialize_into_the_sdk_model_with_a_date_time_filter()
    {
        await _f.Sim.Changes.UpdatePolicyAsync(PolicyId, new JsonObject { ["state"] = "disabled" });
        var since = _f.Time.GetUtcNow().AddMinutes(-5).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

        var audits = await _graph.AuditLogs.DirectoryAudits.GetAsync(rc =>
        {
            rc.QueryParameters.Filter = $"activityDateTime ge {since} and category eq 'Policy'";
            rc.QueryParameters.Orderby = ["activityDateTime desc"];
        });

        var entry = Assert.Single(audits!.Value!);
        Assert.Equal("Update conditional access policy", entry.ActivityDisplayName);
        Assert.Equal(OperationResult.Success, entry.Result);
        Assert.Equal(PolicyId, entry.TargetResources![0].Id);
        Assert.Equal(SimulatedApp.PortalAdminUserPrincipalName, entry.InitiatedBy!.User!.UserPrincipalName);
    }
}
