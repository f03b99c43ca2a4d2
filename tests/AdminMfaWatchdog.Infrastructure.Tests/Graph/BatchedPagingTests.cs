using AdminMfaWatchdog.Core.Tests.Kit;
using AdminMfaWatchdog.Infrastructure.Graph;

namespace AdminMfaWatchdog.Infrastructure.Tests.Graph;

/// <summary>
/// Issue 10's request budget: the later pages of a batched collection (here a role held by more
/// admins than one page carries) travel inside <c>$batch</c> calls, not as one request per page,
/// and the report is still exactly the snapshot scan's.
/// </summary>
public sealed class BatchedPagingTests
{
    [Fact]
    public async Task Later_pages_of_batched_reads_are_batched_too()
    {
        var t = new TenantBuilder();
        foreach (var i in Enumerable.Range(0, 250)) t.Assign(t.User($"useradmin{i:000}"), Roles.UserAdministrator);
        t.Policy(Policies.RequireMfa("CA001", Roles.UserAdministrator));
        var snapshot = t.Build();
        await using var live = await LiveTenant.StartAsync(snapshot);
        live.Options.BaseUrl = live.Simulator.BaseUrl;
        var sent = new RecordingHandler { InnerHandler = new SocketsHttpHandler() };
        var reader = new GraphDirectoryReader(WatchdogGraphClient.Create(live.Options, TimeProvider.System, sent), live.Options, TimeProvider.System);

        var read = await reader.ReadAsync(Configs.Default, CancellationToken.None);

        Assert.Equal(LiveTenant.Report(snapshot, Configs.Default), LiveTenant.Report(read, Configs.Default));
        Assert.DoesNotContain(sent.Paths, p => p.Contains("/roleManagement/directory/roleAssignments", StringComparison.Ordinal));
        Assert.True(live.Simulator.Stats.Snapshot().For("GET /v1.0/roleManagement/directory/roleAssignments") >= 3, "the holders span three pages");
    }

    /// <summary>The paths of the HTTP requests the client sends (a $batch is one).</summary>
    private sealed class RecordingHandler : DelegatingHandler
    {
        public List<string> Paths { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Paths) Paths.Add(request.RequestUri!.AbsolutePath);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
