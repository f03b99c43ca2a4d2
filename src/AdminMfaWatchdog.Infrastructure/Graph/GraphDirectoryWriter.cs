using System.Text;
using System.Text.Json.Nodes;
using AdminMfaWatchdog.Core.Ports;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using CorePolicyState = AdminMfaWatchdog.Core.ConditionalAccess.PolicyState;

namespace AdminMfaWatchdog.Infrastructure.Graph;

/// <summary>
/// Remediation and alert writes through the Microsoft Graph SDK. Every PATCH body is a fresh model
/// object holding only the changed property: the SDK's backing store sends only what was set, so
/// nothing else on the policy is touched (and a reused object would send an empty body).
/// </summary>
public sealed class GraphDirectoryWriter(GraphServiceClient client) : IDirectoryWriter
{
    private const string AlreadyMember = "One or more added object references already exist";
    private static readonly Dictionary<string, ParsableFactory<IParsable>> ErrorMapping = new()
    {
        ["XXX"] = ODataError.CreateFromDiscriminatorValue,
    };

    public Task AddGroupMemberAsync(string groupId, string memberId, CancellationToken cancellationToken) =>
        SendAsync($"add {memberId} to group {groupId}", async () =>
        {
            try
            {
                await client.Groups[groupId].Members.Ref.PostAsync(
                    new ReferenceCreate { OdataId = $"{client.RequestAdapter.BaseUrl}/directoryObjects/{memberId}" },
                    cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (ODataError ex) when (ex.ResponseStatusCode == 400 && ex.Error?.Message?.Contains(AlreadyMember, StringComparison.OrdinalIgnoreCase) == true)
            {
                // The member is there already: the state the write asks for.
            }
        });

    public Task RemoveGroupMemberAsync(string groupId, string memberId, CancellationToken cancellationToken) =>
        SendAsync($"remove {memberId} from group {groupId}", () =>
            client.Groups[groupId].Members[memberId].Ref.DeleteAsync(cancellationToken: cancellationToken));

    public Task SetPolicyStateAsync(string policyId, CorePolicyState state, CancellationToken cancellationToken) =>
        PatchPolicyAsync(policyId, $"state {state}", new ConditionalAccessPolicy { State = ToGraph(state) }, cancellationToken);

    public Task SetPolicyExcludeGroupsAsync(string policyId, IReadOnlyList<string> excludeGroups, CancellationToken cancellationToken) =>
        PatchPolicyAsync(policyId, "excludeGroups", new ConditionalAccessPolicy
        {
            Conditions = new ConditionalAccessConditionSet { Users = new ConditionalAccessUsers { ExcludeGroups = [.. excludeGroups] } },
        }, cancellationToken);

    public Task SetPolicyIncludeRolesAsync(string policyId, IReadOnlyList<string> includeRoles, CancellationToken cancellationToken) =>
        PatchPolicyAsync(policyId, "includeRoles", new ConditionalAccessPolicy
        {
            Conditions = new ConditionalAccessConditionSet { Users = new ConditionalAccessUsers { IncludeRoles = [.. includeRoles] } },
        }, cancellationToken);

    /// <summary>
    /// <c>POST /identity/conditionalAccess/deletedItems/policies/{id}/restore</c>. Microsoft.Graph 5.92
    /// has no request builder for CA deleted items, so the request is built here and sent through the
    /// same adapter and middleware.
    /// </summary>
    public Task RestoreDeletedPolicyAsync(string policyId, CancellationToken cancellationToken) =>
        SendAsync($"restore policy {policyId}", () =>
        {
            var request = new RequestInformation(Method.POST, "{+baseurl}/identity/conditionalAccess/deletedItems/policies/{id}/restore",
                new Dictionary<string, object> { ["baseurl"] = client.RequestAdapter.BaseUrl!, ["id"] = policyId });
            return client.RequestAdapter.SendNoContentAsync(request, ErrorMapping, cancellationToken);
        });

    /// <summary>
    /// <c>POST /users/{sender}/sendMail</c> with the documented camelCase body, written here: the 5.x
    /// SDK's SendMailPostRequestBody sends "Message" and "SaveToSentItems" in PascalCase.
    /// </summary>
    public Task SendMailAsync(string sender, OutgoingMail message, CancellationToken cancellationToken) =>
        SendAsync($"send mail as {sender}", () =>
        {
            var body = new JsonObject
            {
                ["message"] = new JsonObject
                {
                    ["subject"] = message.Subject,
                    ["body"] = new JsonObject { ["contentType"] = "HTML", ["content"] = message.HtmlBody },
                    ["toRecipients"] = new JsonArray(message.Recipients
                        .Select(address => (JsonNode)new JsonObject { ["emailAddress"] = new JsonObject { ["address"] = address } }).ToArray()),
                },
                ["saveToSentItems"] = false,
            };
            var request = new RequestInformation(Method.POST, "{+baseurl}/users/{id}/sendMail",
                new Dictionary<string, object> { ["baseurl"] = client.RequestAdapter.BaseUrl!, ["id"] = sender });
            request.SetStreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body.ToJsonString())), "application/json");
            return client.RequestAdapter.SendNoContentAsync(request, ErrorMapping, cancellationToken);
        });

    private Task PatchPolicyAsync(string policyId, string property, ConditionalAccessPolicy body, CancellationToken cancellationToken) =>
        SendAsync($"set {property} of policy {policyId}", () =>
            client.Identity.ConditionalAccess.Policies[policyId].PatchAsync(body, cancellationToken: cancellationToken));

    /// <summary>Every failure becomes a <see cref="DirectoryWriteException"/> naming the write and Graph's answer (never a credential).</summary>
    private static async Task SendAsync(string write, Func<Task> send)
    {
        try
        {
            await send().ConfigureAwait(false);
        }
        catch (ApiException ex)
        {
            var error = (ex as ODataError)?.Error;
            var detail = error is null ? ex.Message : $"{error.Code}: {error.Message}";
            throw new DirectoryWriteException($"{write} failed with HTTP {ex.ResponseStatusCode} {detail}", ex.ResponseStatusCode, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not DirectoryWriteException)
        {
            throw new DirectoryWriteException($"{write} failed: {ex.Message}", innerException: ex);
        }
    }

    private static ConditionalAccessPolicyState ToGraph(CorePolicyState state) => state switch
    {
        CorePolicyState.Enabled => ConditionalAccessPolicyState.Enabled,
        CorePolicyState.Disabled => ConditionalAccessPolicyState.Disabled,
        _ => ConditionalAccessPolicyState.EnabledForReportingButNotEnforced,
    };
}
