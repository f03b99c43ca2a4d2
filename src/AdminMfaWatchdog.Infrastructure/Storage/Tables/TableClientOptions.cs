using Azure.Core;

namespace AdminMfaWatchdog.Infrastructure.Storage.Tables;

/// <summary>
/// Options for <see cref="TableServiceClient"/> and <see cref="TableClient"/>: the service version sent
/// as <c>x-ms-version</c>, plus Azure.Core's retry, diagnostics and transport settings.
/// </summary>
public class TableClientOptions : ClientOptions
{
    internal const ServiceVersion LatestVersion = ServiceVersion.V2019_02_02;

    public TableClientOptions(ServiceVersion version = LatestVersion)
    {
        Version = version switch
        {
            ServiceVersion.V2019_02_02 => version,
            _ => throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown Table service version."),
        };

        // Azure.Core redacts every header it does not know; these carry no secret and explain a failure.
        foreach (var header in new[]
        {
            "x-ms-error-code", "x-ms-version", "DataServiceVersion", "Prefer", "Preference-Applied",
            "x-ms-continuation-NextPartitionKey", "x-ms-continuation-NextRowKey",
        })
        {
            Diagnostics.LoggedHeaderNames.Add(header);
        }
    }

    /// <summary>The Table service REST API versions this client speaks.</summary>
    public enum ServiceVersion
    {
        /// <summary>2019-02-02: the first version that accepts Microsoft Entra (bearer token) authorization.</summary>
        V2019_02_02 = 1,
    }

    public ServiceVersion Version { get; }

    internal string VersionHeaderValue => Version switch
    {
        ServiceVersion.V2019_02_02 => "2019-02-02",
        _ => throw new InvalidOperationException($"Unknown Table service version {Version}."),
    };
}
