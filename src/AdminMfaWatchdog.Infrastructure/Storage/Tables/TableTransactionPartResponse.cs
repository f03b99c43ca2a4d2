using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Core;

namespace AdminMfaWatchdog.Infrastructure.Storage.Tables;

/// <summary>The response to one action of a transaction, cut out of the multipart batch response.</summary>
internal sealed class TableTransactionPartResponse(int status, string reasonPhrase, IReadOnlyList<HttpHeader> headers, BinaryData content)
    : Response
{
    public override int Status => status;

    public override string ReasonPhrase => reasonPhrase;

    public override bool IsError => status >= 400;

    public override BinaryData Content => content;

    public override Stream? ContentStream { get; set; } = content.ToStream();

    public override string ClientRequestId { get; set; } = string.Empty;

    public override void Dispose()
    {
    }

    protected override bool ContainsHeader(string name) => headers.Any(header => Is(header, name));

    protected override IEnumerable<HttpHeader> EnumerateHeaders() => headers;

    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
    {
        var values = headers.Where(header => Is(header, name)).Select(header => header.Value).ToList();
        value = values.Count == 0 ? null : string.Join(",", values);
        return value is not null;
    }

    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        var found = headers.Where(header => Is(header, name)).Select(header => header.Value).ToList();
        values = found.Count == 0 ? null : found;
        return values is not null;
    }

    private static bool Is(HttpHeader header, string name) => string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase);
}
