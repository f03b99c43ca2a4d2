using System.Text.Json.Nodes;
using GraphSimulator.Query;

namespace GraphSimulator.State;

/// <summary>
/// A stored entity with the type it is served as. The snapshot's objects need not carry
/// <c>@odata.type</c>: the collection they sit in says what they are.
/// </summary>
public sealed record TypedEntity(JsonObject Json, string ODataType)
{
    public string Id => JsonPath.GetString(Json, "id") ?? string.Empty;

    public bool Is(string odataType) => string.Equals(ODataType, odataType, StringComparison.OrdinalIgnoreCase);
}
