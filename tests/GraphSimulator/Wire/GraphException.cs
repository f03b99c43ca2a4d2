namespace GraphSimulator.Wire;

/// <summary>
/// Thrown from deep inside query parsing or state lookups to answer with a Graph error without
/// threading error results through every helper; the pipeline turns it into the error envelope.
/// </summary>
public sealed class GraphException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public GraphResponse ToResponse() => GraphResponse.Error(Status, Code, Message);

    public static GraphException BadRequest(string message) => new(400, "BadRequest", message);

    public static GraphException UnsupportedQuery(string message) => new(400, "Request_UnsupportedQuery", message);

    public static GraphException NotFound(string id) => new(404, "Request_ResourceNotFound",
        $"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");
}
