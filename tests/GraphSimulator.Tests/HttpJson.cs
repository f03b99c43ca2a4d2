using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace GraphSimulator.Tests;

/// <summary>A status and a parsed body: what the wire tests assert on.</summary>
internal sealed record JsonReply(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Message)
{
    public JsonArray Value => Body!["value"]!.AsArray();

    public string? ErrorCode => Body?["error"]?["code"]?.GetValue<string>();

    public string? ErrorMessage => Body?["error"]?["message"]?.GetValue<string>();

    public string? Header(string name) =>
        Message.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}

internal static class HttpJson
{
    public static Task<JsonReply> GetJsonAsync(this HttpClient client, string url, params (string Name, string Value)[] headers) =>
        client.SendJsonAsync(HttpMethod.Get, url, null, headers);

    public static Task<JsonReply> PostJsonAsync(this HttpClient client, string url, JsonNode? body) =>
        client.SendJsonAsync(HttpMethod.Post, url, body);

    public static Task<JsonReply> PatchJsonAsync(this HttpClient client, string url, JsonNode body) =>
        client.SendJsonAsync(HttpMethod.Patch, url, body);

    public static async Task<JsonReply> SendJsonAsync(this HttpClient client, HttpMethod method, string url, JsonNode? body,
        params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new JsonReply(response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response);
    }

    public static readonly (string, string) Eventual = ("ConsistencyLevel", "eventual");
}
