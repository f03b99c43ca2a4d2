using System.Text.Json.Nodes;
using GraphSimulator.State;

namespace GraphSimulator.Endpoints;

/// <summary>Expands one navigation property of an entity (<c>$expand=principal</c>); null when the target is gone.</summary>
internal delegate JsonNode? Expansion(TenantData data, TypedEntity entity, IReadOnlyList<string>? select);

/// <summary>How one Graph collection is served.</summary>
/// <param name="Context">The <c>@odata.context</c> path, e.g. <c>users</c> or <c>directoryObjects</c>.</param>
/// <param name="Polymorphic">Items are of a base type (directoryObject, namedLocation) and carry <c>@odata.type</c>.</param>
/// <param name="DefaultPageSize">Items per page without <c>$top</c>; null = everything in one page.</param>
internal sealed record CollectionSpec(string Context, bool Polymorphic = false, int? DefaultPageSize = 100)
{
    public IReadOnlyDictionary<string, Expansion> Expansions { get; init; } =
        new Dictionary<string, Expansion>(StringComparer.OrdinalIgnoreCase);
}
