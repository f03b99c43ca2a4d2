namespace AdminMfaWatchdog.Infrastructure.Hosting.Endpoints;

/// <summary>
/// A handler's answer, in terms every host can write out (Kestrel, Azure Functions): a status, a media
/// type and a body. Bodies never carry secrets; text bodies are served with <c>nosniff</c> by the hosts.
/// </summary>
public sealed record HostResponse(int StatusCode, string ContentType, string Body)
{
    public const string JsonType = "application/json; charset=utf-8";

    public const string TextType = "text/plain; charset=utf-8";

    public const string HtmlType = "text/html; charset=utf-8";

    public static HostResponse Json(int statusCode, string json) => new(statusCode, JsonType, json);

    public static HostResponse Text(int statusCode, string text) => new(statusCode, TextType, text);

    /// <summary>An error a client can act on: <c>{"error":"..."}</c>.</summary>
    public static HostResponse Error(int statusCode, string message) =>
        Json(statusCode, System.Text.Json.JsonSerializer.Serialize(new { error = message }));

    public static HostResponse Accepted() => new(202, TextType, string.Empty);
}
