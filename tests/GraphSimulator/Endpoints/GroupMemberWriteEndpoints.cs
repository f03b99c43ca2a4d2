using System.Text.Json.Nodes;
using GraphSimulator.Query;
using GraphSimulator.Routing;
using GraphSimulator.State;
using GraphSimulator.Wire;

namespace GraphSimulator.Endpoints;

/// <summary>
/// <c>POST /groups/{id}/members/$ref</c> and <c>DELETE /groups/{id}/members/{memberId}/$ref</c>
/// with Graph's answers: 204; 400 "already exist" for a duplicate; 404 for an unknown object or a
/// non-member; 403 for a dynamic group, whose members only its rule decides.
/// </summary>
internal sealed class GroupMemberWriteEndpoints(TenantState state)
{
    public void Map(RouteTable routes)
    {
        routes.Map("POST", "/groups/{id}/members/$ref", Add);
        routes.Map("DELETE", "/groups/{id}/members/{memberId}/$ref", Remove);
    }

    private GraphResponse Add(GraphCall call)
    {
        var memberId = MemberIdOf(call.Request.Body);
        state.Mutate(data =>
        {
            var group = WritableGroup(data, call["id"]);
            var member = data.FindDirectoryObject(memberId) ?? throw GraphException.NotFound(memberId);
            if (data.DirectMembers(group).Any(m => string.Equals(m.Id, member.Id, StringComparison.OrdinalIgnoreCase)))
            {
                throw new GraphException(400, "Request_BadRequest",
                    "One or more added object references already exist for the following modified properties: 'members'.");
            }

            data.AddMember(group, member);
        });
        return GraphResponse.NoContent();
    }

    private GraphResponse Remove(GraphCall call)
    {
        state.Mutate(data =>
        {
            var group = WritableGroup(data, call["id"]);
            if (!TenantData.RemoveMember(group, call["memberId"]))
            {
                throw GraphException.NotFound(call["memberId"]);
            }
        });
        return GraphResponse.NoContent();
    }

    private static JsonObject WritableGroup(TenantData data, string id)
    {
        var group = data.FindGroup(id) ?? throw GraphException.NotFound(id);
        if (JsonPath.Get(group, "groupTypes") is JsonArray types &&
            types.Any(t => string.Equals(t?.GetValue<string>(), "DynamicMembership", StringComparison.OrdinalIgnoreCase)))
        {
            throw new GraphException(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
        }

        return group;
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
