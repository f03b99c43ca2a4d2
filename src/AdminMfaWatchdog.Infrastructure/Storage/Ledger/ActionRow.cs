using System.Globalization;
using System.Text.Json;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Infrastructure.Storage.Tables;

namespace AdminMfaWatchdog.Infrastructure.Storage.Ledger;

/// <summary>
/// A WatchdogActions row: PartitionKey tenant id, RowKey "{scanId}_{sequence:D4}" (a scan's actions sort
/// together, in order); ScanId, Sequence, RuleId, Kind, TargetId, Status (as in the report: "applied"...),
/// Detail, and Before / After when known.
/// </summary>
internal static class ActionRow
{
    public static TableEntity ToEntity(string tenantId, string scanId, int sequence, RemediationAction action)
    {
        var entity = new TableEntity(tenantId, $"{scanId}_{sequence.ToString("D4", CultureInfo.InvariantCulture)}")
        {
            ["ScanId"] = scanId,
            ["Sequence"] = sequence,
            ["RuleId"] = action.RuleId,
            ["Kind"] = action.Kind,
            ["TargetId"] = action.TargetId,
            ["Status"] = JsonNamingPolicy.CamelCase.ConvertName(action.Status.ToString()),
            ["Detail"] = action.Detail,
        };
        if (action.Before is not null)
        {
            entity["Before"] = action.Before;
        }

        if (action.After is not null)
        {
            entity["After"] = action.After;
        }

        return entity;
    }
}
