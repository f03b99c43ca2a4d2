using System.Text.Json.Nodes;
using GraphSimulator.State;

namespace GraphSimulator.Query;

/// <summary>Shapes a stored entity into what Graph returns for it: <c>$select</c>, default property sets, <c>@odata.type</c>.</summary>
internal static class Projection
{
    /// <summary>
    /// What <c>GET /users</c> and <c>GET /users/{id}</c> return without <c>$select</c> (user-list.md):
    /// anything else, accountEnabled and employeeType included, must be selected explicitly.
    /// </summary>
    public static readonly string[] UserDefaultProperties =
    [
        "businessPhones", "displayName", "givenName", "id", "jobTitle", "mail", "mobilePhone",
        "officeLocation", "preferredLanguage", "surname", "userPrincipalName",
    ];

    /// <param name="select">The <c>$select</c> list, or null for the default set.</param>
    /// <param name="polymorphic">
    /// True in collections of a base type (members, getByIds, expanded principals): each item then
    /// carries <c>@odata.type</c>, and selected properties its type lacks are left out rather than null.
    /// </param>
    /// <param name="userDefaults">Apply Graph's reduced default property set to users.</param>
    public static JsonObject Project(TypedEntity entity, IReadOnlyList<string>? select, bool polymorphic, bool userDefaults)
    {
        var result = new JsonObject();
        if (polymorphic)
        {
            result["@odata.type"] = entity.ODataType;
        }

        var wanted = select ?? (userDefaults && entity.Is(ODataTypes.User) ? UserDefaultProperties : null);
        if (wanted is null || wanted.Contains("*"))
        {
            foreach (var (key, value) in entity.Json.Where(p => IsServed(entity, p.Key)))
            {
                result[key] = value?.DeepClone();
            }

            return result;
        }

        foreach (var name in wanted.Where(n => IsServed(entity, n)))
        {
            if (JsonPath.TryGetProperty(entity.Json, name, out var value))
            {
                result[CanonicalName(entity.Json, name)] = value?.DeepClone();
            }
            else if (!polymorphic)
            {
                // Graph answers a selected property that has no value with an explicit null.
                result[name] = name == "businessPhones" ? new JsonArray() : null;
            }
        }

        return result;
    }

    /// <summary>
    /// A group's <c>members</c> in the snapshot is a navigation property: Graph never returns it as
    /// part of the group, only through <c>/members</c> or <c>$expand=members</c>. Likewise the type
    /// annotation is written by <see cref="Project"/>, never copied.
    /// </summary>
    private static bool IsServed(TypedEntity entity, string property) =>
        !string.Equals(property, "@odata.type", StringComparison.Ordinal) &&
        !(entity.Is(ODataTypes.Group) && string.Equals(property, "members", StringComparison.OrdinalIgnoreCase));

    private static string CanonicalName(JsonObject json, string name) =>
        json.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) ?? name;
}
