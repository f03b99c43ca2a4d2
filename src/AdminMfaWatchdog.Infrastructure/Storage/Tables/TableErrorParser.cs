using System.Text.Json;
using Azure;
using Azure.Core;

namespace AdminMfaWatchdog.Infrastructure.Storage.Tables;

/// <summary>
/// Reads the Table service's OData error body, <c>{"odata.error":{"code":..,"message":{"value":..}}}</c>,
/// so <see cref="RequestFailedException.ErrorCode"/> carries codes such as <c>EntityAlreadyExists</c>.
/// Falls back to the <c>x-ms-error-code</c> header when the body is not JSON.
/// </summary>
internal sealed class TableErrorParser : RequestFailedDetailsParser
{
    public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
    {
        data = null;
        error = TryParseBody(response.Content) ?? TryParseHeader(response);
        return error is not null;
    }

    internal static ResponseError? TryParseBody(BinaryData? content)
    {
        if (content is null || content.ToMemory().IsEmpty)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("odata.error", out var odataError))
            {
                return null;
            }

            var code = odataError.TryGetProperty("code", out var codeElement) ? codeElement.GetString() : null;
            var message = odataError.TryGetProperty("message", out var messageElement)
                && messageElement.ValueKind == JsonValueKind.Object
                && messageElement.TryGetProperty("value", out var valueElement)
                    ? valueElement.GetString()
                    : null;
            return new ResponseError(code, message);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ResponseError? TryParseHeader(Response response) =>
        response.Headers.TryGetValue("x-ms-error-code", out var code) ? new ResponseError(code, null) : null;
}
