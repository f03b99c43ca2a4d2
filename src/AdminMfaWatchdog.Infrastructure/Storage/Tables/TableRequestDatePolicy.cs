using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AdminMfaWatchdog.Infrastructure.Storage.Tables;

/// <summary>
/// Stamps each attempt with <c>x-ms-date</c>, which Azure Storage requires on bearer-token requests
/// too (the Shared Key policy stamps its own, as the date is part of what it signs).
/// </summary>
internal sealed class TableRequestDatePolicy : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message) =>
        message.Request.Headers.SetValue("x-ms-date", DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture));
}
