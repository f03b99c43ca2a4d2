using System.Text.Json.Nodes;
using AdminMfaWatchdog.Core.Directory;
using AdminMfaWatchdog.Core.Tests.Kit;
using AdminMfaWatchdog.Infrastructure.Graph;
using GraphSimulator.Time;

namespace AdminMfaWatchdog.Infrastructure.Tests.Graph;

/// <summary>
/// Scans for change notifications may reuse recent named locations and authentication strengths (each
/// costs a second of CA spacing, and users or members changing cannot change them); nothing else is
/// reused, a fresh read always reads them, and a policy naming one the last read did not know reads them again.
/// </summary>
public sealed class PolicyReferenceReuseTests
{
    private const string NamedLocations = "GET /v1.0/identity/conditionalAccess/namedLocations";
    private const string Strengths = "GET /v1.0/identity/conditionalAccess/authenticationStrength/policies";
    private const string PolicyList = "GET /v1.0/identity/conditionalAccess/policies";

    [Fact]
    public async Task A_notification_read_reuses_recent_locations_and_strengths_and_reads_the_policies_again()
    {
        var (snapshot, _) = Tenant();
        await using var live = await LiveTenant.StartAsync(snapshot);
        var reader = live.Reader();

        await reader.ReadAsync(Configs.Default, default);
        var reused = await reader.ReusingPolicyReferences.ReadAsync(Configs.Default, default);
        var again = await reader.ReusingPolicyReferences.ReadAsync(Configs.Default, default);
        var stats = live.Simulator.Stats.Snapshot();

        Assert.Equal((1, 1, 3), (stats.For(NamedLocations), stats.For(Strengths), stats.For(PolicyList)));
        Assert.Equal(LiveTenant.Report(snapshot, Configs.Default), LiveTenant.Report(reused, Configs.Default));
        Assert.Equal(LiveTenant.Report(snapshot, Configs.Default), LiveTenant.Report(again, Configs.Default));
        Assert.Equal(snapshot.NamedLocations.Select(l => l.Id), again.NamedLocations.Select(l => l.Id));
    }

    [Fact]
    public async Task A_fresh_read_always_reads_them()
    {
        var (snapshot, _) = Tenant();
        await using var live = await LiveTenant.StartAsync(snapshot);
        var reader = live.Reader();

        await reader.ReusingPolicyReferences.ReadAsync(Configs.Default, default);
        await reader.ReadAsync(Configs.Default, default);
        await reader.ReadAsync(Configs.Default, default);
        var stats = live.Simulator.Stats.Snapshot();

        Assert.Equal((3, 3), (stats.For(NamedLocations), stats.For(Strengths)));
    }

    [Fact]
    public async Task A_policy_naming_a_location_the_last_read_did_not_know_reads_them_again()
    {
        var (snapshot, policyId) = Tenant();
        await using var live = await LiveTenant.StartAsync(snapshot);
        var reader = live.Reader();
        await reader.ReadAsync(Configs.Default, default);

        // Someone adds a trusted location and exempts it from the admins' MFA policy.
        var newLocationId = Guid.NewGuid().ToString();
        live.Simulator.State.Mutate(data =>
        {
            var location = (JsonObject)data.NamedLocations[0].DeepClone();
            location["id"] = newLocationId;
            location["displayName"] = "Contractor office";
            data.NamedLocations.Add(location);
            var policy = data.ConditionalAccessPolicies.Single(p => (string?)p["id"] == policyId);
            policy["conditions"]!["locations"]!["excludeLocations"]!.AsArray().Add(newLocationId);
            return 0;
        });
        var reused = await reader.ReusingPolicyReferences.ReadAsync(Configs.Default, default);

        Assert.Equal(2, live.Simulator.Stats.Snapshot().For(NamedLocations));
        Assert.Contains(reused.NamedLocations, l => l.Id == newLocationId);
    }

    [Fact]
    public async Task Reuse_ends_at_the_configured_age_and_zero_turns_it_off()
    {
        var (snapshot, _) = Tenant();
        await using var live = await LiveTenant.StartAsync(snapshot);
        var clock = new ManualTimeProvider(LiveTenant.Now);
        live.Options.BaseUrl = live.Simulator.BaseUrl;
        live.Options.PolicyReferencesMaxAge = TimeSpan.FromMinutes(15);
        var reader = new GraphDirectoryReader(WatchdogGraphClient.Create(live.Options, clock), live.Options, clock);

        await reader.ReadAsync(Configs.Default, default);
        clock.Advance(TimeSpan.FromMinutes(14));
        await reader.ReusingPolicyReferences.ReadAsync(Configs.Default, default);
        var withinAge = live.Simulator.Stats.Snapshot().For(NamedLocations);
        clock.Advance(TimeSpan.FromMinutes(2));
        await reader.ReusingPolicyReferences.ReadAsync(Configs.Default, default);
        var pastAge = live.Simulator.Stats.Snapshot().For(NamedLocations);
        live.Options.PolicyReferencesMaxAge = TimeSpan.Zero;
        var never = new GraphDirectoryReader(WatchdogGraphClient.Create(live.Options, clock), live.Options, clock);
        await never.ReadAsync(Configs.Default, default);
        await never.ReusingPolicyReferences.ReadAsync(Configs.Default, default);
        var turnedOff = live.Simulator.Stats.Snapshot().For(NamedLocations);

        Assert.Equal((1, 2, 4), (withinAge, pastAge, turnedOff));
    }

    /// <summary>Admins' MFA policy that names a trusted location and a strength Graph does not expand.</summary>
    private static (TenantSnapshot Snapshot, string PolicyId) Tenant()
    {
        var t = new TenantBuilder();
        t.Assign(t.User("alice"), Roles.GlobalAdministrator);
        var office = t.Location("Head office", trusted: true);
        var phishingResistant = t.Strength("Phishing-resistant MFA", "mfa", "fido2", "windowsHelloForBusiness");
        var policy = t.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator).GrantStrength(phishingResistant.Id).Locations(["All"], office.Id));
        return (t.Build(), policy.Id);
    }
}
