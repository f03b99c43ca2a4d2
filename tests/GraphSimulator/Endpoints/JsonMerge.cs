using System.Text.Json.Nodes;
using GraphSimulator.Query;

namespace GraphSimulator.Endpoints;

/// <summary>
/// OData PATCH: complex properties merge recursively, primitives and collections are replaced whole,
/// null clears. So <c>{"conditions":{"users":{"excludeGroups":[...]}}}</c> replaces only that list.
/// </summary>
internal static class JsonMerge
{
    public static void Apply(JsonObject target, JsonObject patch, IReadOnlySet<string> readOnly)
    {
        foreach (var (name, value) in patch)
        {
            if (readOnly.Contains(name))
            {
                continue;
            }

            var key = target.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) ?? name;
            if (value is JsonObject nested && JsonPath.Get(target, key) is JsonObject existing)
            {
                Apply(existing, nested, EmptySet);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }

    private static readonly HashSet<string> EmptySet = [];
}
