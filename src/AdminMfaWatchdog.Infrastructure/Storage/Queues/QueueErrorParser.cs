using System.Xml;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace AdminMfaWatchdog.Infrastructure.Storage.Queues;

/// <summary>
/// Reads the Queue service's XML error body, <c>&lt;Error&gt;&lt;Code&gt;..&lt;/Code&gt;&lt;Message&gt;..&lt;/Message&gt;&lt;/Error&gt;</c>,
/// so <see cref="RequestFailedException.ErrorCode"/> carries codes such as <c>QueueNotFound</c>. Falls back to
/// the <c>x-ms-error-code</c> header, which is all a response without a body (HEAD) has.
/// </summary>
internal sealed class QueueErrorParser : RequestFailedDetailsParser
{
    public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
    {
        data = null;
        error = TryParseBody(response.Content) ?? TryParseHeader(response);
        return error is not null;
    }

    private static ResponseError? TryParseBody(BinaryData? content)
    {
        if (content is null || content.ToMemory().IsEmpty)
        {
            return null;
        }

        try
        {
            var root = XDocument.Parse(content.ToString()).Root;
            return root?.Name.LocalName == "Error"
                ? new ResponseError(root.Element("Code")?.Value, root.Element("Message")?.Value)
                : null;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static ResponseError? TryParseHeader(Response response) =>
        response.Headers.TryGetValue("x-ms-error-code", out var code) ? new ResponseError(code, null) : null;
}
