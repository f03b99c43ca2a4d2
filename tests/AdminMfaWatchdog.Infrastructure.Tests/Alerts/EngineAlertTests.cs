using System.Text.Json;
using AdminMfaWatchdog.Core.Alerts;
using AdminMfaWatchdog.Core.ConditionalAccess;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Tests.Kit;
using AdminMfaWatchdog.Infrastructure.Alerts.Outbox;
using AdminMfaWatchdog.Infrastructure.Alerts.Webhook;
using AdminMfaWatchdog.Infrastructure.Tests.Storage;
using AdminMfaWatchdog.Infrastructure.Tests.Storage.Ledger;

namespace AdminMfaWatchdog.Infrastructure.Tests.Alerts;

/// <summary>Alerts as a host runs them: the engine's transitions, through the outbox on Azurite, to a real receiver.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EngineAlertTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_first_run_alerts_its_findings_once_and_an_unchanged_second_run_sends_nothing()
    {
        var t = new TenantBuilder();
        var adele = t.User("adele");
        t.Assign(adele, Roles.ExchangeAdministrator);
        t.Policy(Policies.RequireMfa("CA001", Roles.GlobalAdministrator).WithState(PolicyState.EnabledForReportingButNotEnforced));
        await using var receiver = await AlertReceiver.StartAsync();
        using var http = new HttpClient();
        var outbox = new TableAlertOutbox(azurite.CreateServiceClient(), [new WebhookAlertChannel(receiver.Url, http)],
            new AlertOutboxOptions { TableName = $"outbox{Guid.NewGuid():N}" });
        var engine = new WatchdogEngine(new SnapshotDirectoryReader(t.Build()), TimeProvider.System,
            LedgerTestKit.Store(azurite, LedgerTestKit.FreshTables()), alerts: new AlertNotifier(outbox, new AlertPolicy()));

        var first = await engine.RunAsync(Configs.Default, CancellationToken.None);
        var second = await engine.RunAsync(Configs.Default, CancellationToken.None);

        Assert.Equal(1, first.Alerts!.Delivery.Delivered);
        Assert.Empty(second.Alerts!.Queued);
        var delivered = Assert.Single(receiver.Accepted);
        using var batch = JsonDocument.Parse(delivered.Body);
        Assert.Equal(["admin-not-covered", "policy-not-enabled"],
            batch.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("ruleId").GetString()!).Order());
        Assert.All(batch.RootElement.GetProperty("items").EnumerateArray(), i => Assert.Equal("opened", i.GetProperty("kind").GetString()));
    }
}
