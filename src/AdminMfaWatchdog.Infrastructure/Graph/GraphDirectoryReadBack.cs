using System.Text.Json;
using System.Text.Json.Nodes;
using AdminMfaWatchdog.Core.ConditionalAccess;
using AdminMfaWatchdog.Core.Json;
using AdminMfaWatchdog.Core.Ports;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;

namespace AdminMfaWatchdog.Infrastructure.Graph;

/// <summary>
/// Reads one fact back from Microsoft Graph after a remediation write: a direct membership, or one
/// policy (live or in deleted items), with <c>$select</c> so the answer stays small.
/// </summary>
public sealed class GraphDirectoryReadBack(GraphServiceClient client, GraphOptions options, TimeProvider clock) : IDirectoryReadBack
{
    private static readonly string[] PolicyProperties = ["id", "displayName", "state", "conditions", "grantControls"];
    private readonly GraphJson _json = new(client, options, clock);

    public Task<bool> IsDirectMemberAsync(string groupId, string memberId, CancellationToken cancellationToken) =>
        ReadAsync($"the members of group {groupId}", async () =>
        {
            var members = await _json.GetAllAsync(client.Groups[groupId].Members.GraphUser.ToGetRequestInformation(r =>
            {
                r.QueryParameters.Select = ["id"];
                r.QueryParameters.Top = 999;
            }), cancellationToken).ConfigureAwait(false);
            return members.Any(m => string.Equals(m["id"]?.GetValue<string>(), memberId, StringComparison.OrdinalIgnoreCase));
        });

    public Task<ConditionalAccessPolicy?> ReadPolicyAsync(string policyId, CancellationToken cancellationToken) =>
        ReadPolicyAsync(policyId, client.Identity.ConditionalAccess.Policies[policyId].ToGetRequestInformation(r =>
            r.QueryParameters.Select = PolicyProperties), cancellationToken);

    /// <summary>Microsoft.Graph 5.92 has no request builder for CA deleted items; the request is built here.</summary>
    public Task<ConditionalAccessPolicy?> ReadDeletedPolicyAsync(string policyId, CancellationToken cancellationToken)
    {
        var request = new RequestInformation(Method.GET, "{+baseurl}/identity/conditionalAccess/deletedItems/policies/{id}{?%24select}",
            new Dictionary<string, object> { ["baseurl"] = client.RequestAdapter.BaseUrl!, ["id"] = policyId });
        request.QueryParameters["%24select"] = PolicyProperties;
        return ReadPolicyAsync(policyId, request, cancellationToken);
    }

    private Task<ConditionalAccessPolicy?> ReadPolicyAsync(string policyId, RequestInformation request, CancellationToken cancellationToken) =>
        ReadAsync($"policy {policyId}", async () =>
        {
            var json = await _json.GetAsync(request, cancellationToken).ConfigureAwait(false);
            return json is null ? null : Parse(json);
        });

    /// <summary>The policy through the same parser as a scan, so a read-back and a scan never disagree on its meaning.</summary>
    private static ConditionalAccessPolicy Parse(JsonObject policy)
    {
        using var document = JsonDocument.Parse(policy.ToJsonString());
        return PolicyJson.Read(new JsonCursor(document.RootElement, "Microsoft Graph", "$"));
    }

    private static async Task<T> ReadAsync<T>(string what, Func<Task<T>> read)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new DirectoryReadException($"reading back {what} failed: {ex.Message}", ex);
        }
    }
}
