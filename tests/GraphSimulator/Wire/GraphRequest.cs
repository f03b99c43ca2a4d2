using System.Text.Json.Nodes;

namespace GraphSimulator.Wire;

/// <summary>
/// One Graph call, independent of how it arrived: a top-level HTTP request and an inner request of
/// a <c>$batch</c> are both turned into this, so that both go through the very same pipeline.
/// </summary>
public sealed class GraphRequest
{
    public required string Method { get; init; }

    /// <summary>Path after <c>/v1.0</c>, segments already unescaped, e.g. <c>/users/a@contoso.com</c>.</summary>
    public required string Path { get; init; }

    /// <summary>Query options, keys case-insensitive (<c>$select</c>, <c>$filter</c>...).</summary>
    public required IReadOnlyDictionary<string, string> Query { get; init; }

    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    public JsonNode? Body { get; init; }

    /// <summary>The body was sent but is not JSON: answered 400 by the pipeline, after counting the request.</summary>
    public bool HasMalformedBody { get; init; }

    /// <summary>The simulator's own <c>http://host:port/v1.0</c>: nextLinks must point back here.</summary>
    public required string BaseUrl { get; init; }

    public string RequestId { get; } = Guid.NewGuid().ToString();

    public string ClientRequestId => Headers.TryGetValue("client-request-id", out var id) ? id : RequestId;

    /// <summary><c>GET /v1.0/users</c>: the key stats and fault rules use.</summary>
    public string Describe() => $"{Method} /v1.0{Path}";

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>Advanced queries need this header (and <c>$count=true</c>) on real Graph.</summary>
    public bool HasEventualConsistency =>
        string.Equals(Header("ConsistencyLevel"), "eventual", StringComparison.OrdinalIgnoreCase);
}
