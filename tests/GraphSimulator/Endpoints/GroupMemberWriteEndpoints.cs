using System.Text.Json.Nodes;
using GraphSimulator.AuditLogs;
using GraphSimulator.ChangeTracking;
using GraphSimulator.Query;
using GraphSimulator.Routing;
using GraphSimulator.Wire;

namespace GraphSimulator.Endpoints;

/// <summary>
/// <c>POST /groups/{id}/members/$ref</c> and <c>DELETE /groups/{id}/members/{memberId}/$ref</c>
/// with Graph's answers: 204; 400 "already exist" for a duplicate; 404 for an unknown object or a
/// non-member; 403 for a dynamic group, whose members only its rule decides. Each write is audited
/// and notifies the group's subscriptions (in the background: the caller gets its 204 at once).
/// </summary>
internal sealed class GroupMemberWriteEndpoints(DirectoryChanges changes)
{
    public void Map(RouteTable routes)
    {
        routes.Map("POST", "/groups/{id}/members/$ref", Add);
        routes.Map("DELETE", "/groups/{id}/members/{memberId}/$ref", Remove);
    }

    private GraphResponse Add(GraphCall call)
    {
        _ = changes.AddGroupMemberAsync(call["id"], MemberIdOf(call.Request.Body), AuditActor.App);
        return GraphResponse.NoContent();
    }

    private GraphResponse Remove(GraphCall call)
    {
        _ = changes.RemoveGroupMemberAsync(call["id"], call["memberId"], AuditActor.App);
        return GraphResponse.NoContent();
    }

    /// <summary>The id at the end of the absolute <c>@odata.id</c>; Graph accepts any host, so the simulator does too.</summary>
    private static string MemberIdOf(JsonNode? body)
    {
        var reference = body is JsonObject json ? JsonPath.GetString(json, "@odata.id") : null;
        if (reference is null || !Uri.TryCreate(reference, UriKind.Absolute, out var uri) || uri.Segments.Length < 2)
        {
            throw GraphException.BadRequest($"Invalid object identifier '{reference}'.");
        }

        return Uri.UnescapeDataString(uri.Segments[^1].TrimEnd('/'));
    }
}
