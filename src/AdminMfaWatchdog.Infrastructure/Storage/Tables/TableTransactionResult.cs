using System.Globalization;
using System.Text.RegularExpressions;
using Azure;
using Azure.Core;

namespace AdminMfaWatchdog.Infrastructure.Storage.Tables;

/// <summary>
/// Reads a multipart batch response (a batch holding one change set response) into one response per
/// action, and turns a refused change set into <see cref="TableTransactionFailedException"/>.
/// </summary>
internal static partial class TableTransactionResult
{
    public static List<Response> Read(Response batchResponse)
    {
        var batchBoundary = BoundaryOf(batchResponse.Headers.ContentType);
        var results = new List<Response>();
        foreach (var part in MultipartParts(batchResponse.Content.ToString(), batchBoundary))
        {
            var (partHeaders, partBody) = SplitHeaders(part);
            var changesetBoundary = BoundaryOf(partHeaders.GetValueOrDefault("Content-Type"));
            results.AddRange(MultipartParts(partBody, changesetBoundary).Select(ReadHttpResponse));
        }

        return results;
    }

    public static void ThrowIfFailed(List<Response> results, List<TableTransactionAction> actions)
    {
        var failedPosition = results.FindIndex(result => result.IsError);
        if (failedPosition < 0)
        {
            if (results.Count != actions.Count)
            {
                throw new InvalidOperationException(
                    $"The table service answered a transaction of {actions.Count} actions with {results.Count} responses.");
            }

            return;
        }

        var failed = results[failedPosition];
        var error = TableErrorParser.TryParseBody(failed.Content);
        var (index, detail) = SplitIndex(error?.Message);
        // A refused change set is answered with the failing response alone; its message names the action's index.
        index ??= results.Count == actions.Count ? failedPosition : null;

        var action = index is { } i && i < actions.Count ? $"action {i} ({actions[i].ActionType})" : "an action";
        throw new TableTransactionFailedException(
            failed.Status,
            $"The table transaction failed at {action}: {failed.Status} {error?.Code ?? failed.ReasonPhrase}"
                + $"{(detail is null ? "" : $" - {detail}")}. Nothing in the transaction was applied.",
            error?.Code,
            index);
    }

    private static (int? Index, string? Detail) SplitIndex(string? message)
    {
        if (message is null)
        {
            return (null, null);
        }

        var match = IndexPrefix().Match(message);
        // Only the first line: the rest is the service's request id and time.
        return match.Success
            ? (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), FirstLine(match.Groups[2].Value))
            : (null, FirstLine(message));
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    private static string BoundaryOf(string? contentType)
    {
        var boundary = contentType?.Split(';', StringSplitOptions.TrimEntries)
            .FirstOrDefault(parameter => parameter.StartsWith("boundary=", StringComparison.OrdinalIgnoreCase));
        return boundary?["boundary=".Length..].Trim('"')
            ?? throw new InvalidOperationException("The table service answered a transaction without a multipart boundary.");
    }

    private static IEnumerable<string> MultipartParts(string body, string boundary)
    {
        // Parts sit between "--boundary" lines; the closing delimiter is "--boundary--".
        foreach (var segment in body.Split("--" + boundary).Skip(1))
        {
            if (segment.StartsWith("--", StringComparison.Ordinal))
            {
                yield break;
            }

            yield return segment.TrimStart('\r', '\n');
        }
    }

    private static Response ReadHttpResponse(string part)
    {
        var (_, http) = SplitHeaders(part);
        using var reader = new StringReader(http);
        var statusLine = StatusLine().Match(reader.ReadLine() ?? string.Empty);
        if (!statusLine.Success)
        {
            throw new InvalidOperationException("The table service answered a transaction action without an HTTP status line.");
        }

        var headers = ReadHeaders(reader).Select(header => new HttpHeader(header.Key, header.Value)).ToList();
        var content = BinaryData.FromString(reader.ReadToEnd().TrimEnd('\r', '\n'));
        return new TableTransactionPartResponse(
            int.Parse(statusLine.Groups[1].Value, CultureInfo.InvariantCulture), statusLine.Groups[2].Value, headers, content);
    }

    private static (Dictionary<string, string> Headers, string Body) SplitHeaders(string part)
    {
        using var reader = new StringReader(part);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in ReadHeaders(reader))
        {
            headers[name] = value;
        }

        return (headers, reader.ReadToEnd());
    }

    // Header lines up to the first empty line, which the reader consumes.
    private static List<KeyValuePair<string, string>> ReadHeaders(StringReader reader)
    {
        var headers = new List<KeyValuePair<string, string>>();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }

        return headers;
    }

    [GeneratedRegex(@"^HTTP/\d\.\d\s+(\d{3})\s*(.*)$")]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"^(\d+):(.*)$", RegexOptions.Singleline)]
    private static partial Regex IndexPrefix();
}
