using Azure;

namespace AdminMfaWatchdog.Infrastructure.Storage.Tables;

/// <summary>A response that may carry no value (the entity did not exist).</summary>
internal sealed class TableNullableResponse<T>(T? value, Response response) : NullableResponse<T>
    where T : class
{
    public override bool HasValue => value is not null;

    public override T Value => value ?? throw new InvalidOperationException("The response has no value: the resource does not exist.");

    public override Response GetRawResponse() => response;
}
