using System.Globalization;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace AdminMfaWatchdog.Infrastructure.Graph;

/// <summary>One directory audit entry, reduced to what decides whether it calls for a scan.</summary>
public sealed record DirectoryAuditEntry(string Id, DateTimeOffset ActivityDateTime, string Category, string Activity, IReadOnlyList<string> TargetIds);

/// <summary>
/// Reads <c>auditLogs/directoryAudits</c> (permission <c>AuditLog.Read.All</c>): the only near-real-time
/// trace of Conditional Access and role changes, which Graph has no change notifications for.
/// Graph throttles these reports at 5 requests per 10 s, so the poller reads once per interval.
/// </summary>
public sealed class GraphAuditLogReader(GraphServiceClient graph)
{
    public static readonly string[] Categories = ["Policy", "RoleManagement", "GroupManagement"];

    /// <exception cref="GraphReadException">Graph refused or failed the read.</exception>
    public async Task<IReadOnlyList<DirectoryAuditEntry>> ReadSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var categories = string.Join(" or ", Categories.Select(category => $"category eq '{category}'"));
        var from = since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var entries = new List<DirectoryAuditEntry>();
        try
        {
            var page = await graph.AuditLogs.DirectoryAudits.GetAsync(request =>
            {
                request.QueryParameters.Filter = $"activityDateTime ge {from} and ({categories})";
                request.QueryParameters.Top = 999;
            }, cancellationToken).ConfigureAwait(false);
            while (page is not null)
            {
                entries.AddRange((page.Value ?? []).Select(ToEntry).OfType<DirectoryAuditEntry>());
                if (page.OdataNextLink is not { } next) break;
                page = await graph.AuditLogs.DirectoryAudits.WithUrl(next).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
        catch (ODataError error)
        {
            throw new GraphReadException($"reading auditLogs/directoryAudits failed: Graph answered {error.ResponseStatusCode} {error.Error?.Code}", error);
        }
        return entries;
    }

    private static DirectoryAuditEntry? ToEntry(DirectoryAudit audit) =>
        audit is { Id: { } id, ActivityDateTime: { } at }
            ? new DirectoryAuditEntry(id, at, audit.Category ?? string.Empty, audit.ActivityDisplayName ?? string.Empty,
                (audit.TargetResources ?? []).Select(target => target.Id).OfType<string>().ToList())
            : null;
}
