using System.Text;
using System.Text.Json;
using AdminMfaWatchdog.Core.Alerts;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Findings;
using static AdminMfaWatchdog.Core.Tests.Alerts.AlertKit;

namespace AdminMfaWatchdog.Core.Tests.Alerts;

public sealed class AlertBatchJsonTests
{
    private static AlertBatch Sample()
    {
        var policy = Finding("policy-1", Severity.Critical, "policy-not-enabled", SubjectType.Policy, "CA001", policyId: "policy-1");
        var action = new RemediationAction("policy-not-enabled", "setPolicyState", "policy-1", ActionStatus.Applied, "state set to enabled");
        return AlertBatchBuilder.FromScan(Report(actions: [action]), [Transition(TransitionKind.Remediated, policy)], Severity.Medium)!;
    }

    [Fact]
    public void The_wire_shape_is_flat_camel_case_with_the_schema_first()
    {
        var json = Encoding.UTF8.GetString(AlertBatchJson.SerializeToUtf8Bytes(Sample()));

        Assert.StartsWith("""{"schema":"adminmfawatchdog.alerts/v1","batchId":"scan-1","kind":"changes","tenantId":""", json, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        var item = document.RootElement.GetProperty("items")[0];
        Assert.Equal(
            """{"kind":"remediated","severity":"critical","ruleId":"policy-not-enabled","ruleTitle":"Watched MFA policy is disabled or report-only","subject":{"type":"policy","id":"policy-1","name":"CA001"},"summary":"CA001 can sign in without MFA","reasons":["not targeted by any watched policy","no other policy requires MFA","third reason"],"action":{"kind":"setPolicyState","status":"applied","detail":"state set to enabled"},"link":"https://entra.microsoft.com/#view/Microsoft_AAD_ConditionalAccess/PolicyBlade/policyId/policy-1"}""",
            item.GetRawText());
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("error").ValueKind);
        Assert.Equal("2026-11-23T08:00:05+00:00", document.RootElement.GetProperty("scanTime").GetString());
    }

    [Fact]
    public void A_batch_round_trips()
    {
        var batch = Sample();

        var back = AlertBatchJson.Deserialize(AlertBatchJson.SerializeToUtf8Bytes(batch));

        Assert.Equal(batch with { Items = [] }, back with { Items = [] });
        Assert.Equal(batch.Items[0] with { Reasons = [] }, back.Items[0] with { Reasons = [] });
        Assert.Equal(batch.Items[0].Reasons, back.Items[0].Reasons);
    }

    [Fact]
    public void Another_schema_is_refused() =>
        Assert.Throws<JsonException>(() => AlertBatchJson.Deserialize("""{"schema":"other/v9","batchId":"x"}"""u8));
}
