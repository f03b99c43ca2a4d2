using System.Text.Json.Nodes;

namespace GraphSimulator.Wire;

/// <summary>What a handler answers; the transport (HTTP or a batch envelope) writes it out.</summary>
public sealed class GraphResponse
{
    public GraphResponse(int status, JsonNode? body = null, string? textBody = null)
    {
        Status = status;
        Body = body;
        TextBody = textBody;
    }

    public int Status { get; }

    public JsonNode? Body { get; }

    /// <summary>A <c>text/plain</c> answer, used by <c>$count</c> segments.</summary>
    public string? TextBody { get; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static GraphResponse Ok(JsonNode body) => new(200, body);

    public static GraphResponse Created(JsonNode body) => new(201, body);

    public static GraphResponse NoContent() => new(204);

    public static GraphResponse Accepted() => new(202);

    public static GraphResponse Text(string text) => new(200, textBody: text);

    /// <summary>The Graph error envelope; the pipeline adds <c>innerError</c> (date and request ids).</summary>
    public static GraphResponse Error(int status, string code, string message) =>
        new(status, new JsonObject
        {
            ["error"] = new JsonObject { ["code"] = code, ["message"] = message },
        });

    public static GraphResponse MalformedBody() => Error(400, "BadRequest", "The request body is not valid JSON.");

    public GraphResponse WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }
}
