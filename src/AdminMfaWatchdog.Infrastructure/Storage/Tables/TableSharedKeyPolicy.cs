using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AdminMfaWatchdog.Infrastructure.Storage.Tables;

/// <summary>
/// Signs each attempt with the Table service's Shared Key scheme:
/// HMAC-SHA256 over "VERB\nContent-MD5\nContent-Type\nDate\n/account/path".
/// Runs per retry because the date, and so the signature, changes on every attempt.
/// </summary>
internal sealed class TableSharedKeyPolicy(TableSharedKeyCredential credential) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        var date = DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture);
        request.Headers.SetValue("x-ms-date", date);

        var stringToSign = string.Join('\n',
            request.Method.Method,
            HeaderOrEmpty(request, "Content-MD5"),
            HeaderOrEmpty(request, "Content-Type"),
            date,
            CanonicalizedResource(request.Uri.ToUri()));

        request.Headers.SetValue(HttpHeader.Names.Authorization,
            $"SharedKey {credential.AccountName}:{credential.ComputeSignature(stringToSign)}");
    }

    private static string HeaderOrEmpty(Request request, string name) =>
        request.Headers.TryGetValue(name, out var value) ? value : string.Empty;

    // The path as sent (still percent-encoded). The service would also sign a 'comp' query
    // parameter, but none of the operations this client sends has one.
    private string CanonicalizedResource(Uri uri) => $"/{credential.AccountName}{uri.AbsolutePath}";
}
