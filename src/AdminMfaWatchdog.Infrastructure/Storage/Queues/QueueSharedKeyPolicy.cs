using System.Globalization;
using System.Text;
using AdminMfaWatchdog.Infrastructure.Storage.Tables;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AdminMfaWatchdog.Infrastructure.Storage.Queues;

/// <summary>
/// Signs each attempt with Shared Key as the Blob, Queue and File services define it (not the Table
/// service's shorter form): HMAC-SHA256 over the verb, eleven standard headers, the canonicalised
/// <c>x-ms-*</c> headers and the canonicalised resource (account, path, and every query parameter).
/// Runs per retry because the date, and so the signature, changes on every attempt.
/// </summary>
internal sealed class QueueSharedKeyPolicy(TableSharedKeyCredential credential) : HttpPipelineSynchronousPolicy
{
    // In string-to-sign order, between the verb and the canonicalised headers. Date stays empty: x-ms-date is sent instead.
    private static readonly string[] StandardHeaders =
    [
        "Content-Encoding", "Content-Language", "Content-Length", "Content-MD5", "Content-Type", "Date",
        "If-Modified-Since", "If-Match", "If-None-Match", "If-Unmodified-Since", "Range",
    ];

    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        request.Headers.SetValue("x-ms-date", DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture));
        request.Headers.SetValue(HttpHeader.Names.Authorization,
            $"SharedKey {credential.AccountName}:{credential.ComputeSignature(StringToSign(request, credential.AccountName))}");
    }

    internal static string StringToSign(Request request, string accountName)
    {
        var text = new StringBuilder(request.Method.Method).Append('\n');
        foreach (var header in StandardHeaders)
        {
            text.Append(header == "Content-Length" ? ContentLength(request) : HeaderOrEmpty(request, header)).Append('\n');
        }

        foreach (var (name, value) in request.Headers
            .Where(header => header.Name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            .Select(header => (Name: header.Name.ToLowerInvariant(), Value: header.Value.Trim()))
            .OrderBy(header => header.Name, StringComparer.Ordinal))
        {
            text.Append(name).Append(':').Append(value).Append('\n');
        }

        return text.Append(CanonicalizedResource(request.Uri.ToUri(), accountName)).ToString();
    }

    // The transport sets Content-Length from the body, after this policy; the service signs an empty body as "", not "0".
    private static string ContentLength(Request request) =>
        request.Content is not null && request.Content.TryComputeLength(out var length) && length > 0
            ? length.ToString(CultureInfo.InvariantCulture)
            : string.Empty;

    private static string HeaderOrEmpty(Request request, string name) =>
        request.Headers.TryGetValue(name, out var value) ? value : string.Empty;

    // "/account/path as sent", then each query parameter on its own line as "name:value": names lower-cased
    // and sorted, values decoded, a repeated name's values sorted and comma-joined.
    private static string CanonicalizedResource(Uri uri, string accountName)
    {
        var resource = new StringBuilder("/").Append(accountName).Append(uri.AbsolutePath);
        var parameters = uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(pair => (Name: Uri.UnescapeDataString(pair[0]).ToLowerInvariant(), Value: pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : string.Empty))
            .GroupBy(parameter => parameter.Name, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            resource.Append('\n').Append(parameter.Key).Append(':')
                .Append(string.Join(',', parameter.Select(p => p.Value).Order(StringComparer.Ordinal)));
        }

        return resource.ToString();
    }
}
