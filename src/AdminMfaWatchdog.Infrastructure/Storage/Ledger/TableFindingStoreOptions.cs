using AdminMfaWatchdog.Infrastructure.Storage.Tables;

namespace AdminMfaWatchdog.Infrastructure.Storage.Ledger;

/// <summary>Options for <see cref="TableFindingStore"/>: where its tables are and how it talks to them.</summary>
public sealed class TableFindingStoreOptions
{
    /// <summary>One row per (tenant, fingerprint): what the ledger knows of each finding.</summary>
    public string FindingsTableName { get; set; } = "WatchdogFindings";

    /// <summary>One row per scan run.</summary>
    public string ScansTableName { get; set; } = "WatchdogScans";

    /// <summary>One row per remediation action.</summary>
    public string ActionsTableName { get; set; } = "WatchdogActions";

    /// <summary>One row per tenant: who holds its scan lease, until when.</summary>
    public string LeasesTableName { get; set; } = "WatchdogLeases";

    /// <summary>Retries, transport and extra pipeline policies, when the store builds its own client from a connection string.</summary>
    public TableClientOptions? ClientOptions { get; set; }

    /// <summary>The clock leases expire by.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
