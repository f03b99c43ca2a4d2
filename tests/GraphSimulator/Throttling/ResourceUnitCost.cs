using GraphSimulator.Wire;

namespace GraphSimulator.Throttling;

/// <summary>The resource-unit cost of a directory request (throttling-limits.md, identity and access).</summary>
internal static class ResourceUnitCost
{
    public static int Of(GraphRequest request)
    {
        if (!string.Equals(request.Method, "GET", StringComparison.OrdinalIgnoreCase))
        {
            return request.Path.EndsWith("/getByIds", StringComparison.OrdinalIgnoreCase) ? 3 : 1;
        }

        var segments = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var cost = segments switch
        {
            ["users"] => 2,
            [_, _, "transitiveMembers", ..] => 5,
            [_, _, "members", ..] => 3,
            [_, _, "memberOf" or "transitiveMemberOf", ..] => 2,
            _ => 1,
        };
        if (request.Query.ContainsKey("$select"))
        {
            cost--;
        }

        if (request.Query.ContainsKey("$expand"))
        {
            cost++;
        }

        if (request.Query.TryGetValue("$top", out var top) && int.TryParse(top, out var size) && size < 20)
        {
            cost--;
        }

        return Math.Max(cost, 1);
    }
}
