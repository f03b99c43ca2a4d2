using AdminMfaWatchdog.Core.Alerts;
using AdminMfaWatchdog.Core.Configuration;
using AdminMfaWatchdog.Core.Engine;
using AdminMfaWatchdog.Core.Ports;
using AdminMfaWatchdog.Core.Remediation;
using AdminMfaWatchdog.Infrastructure.Graph;
using Microsoft.Extensions.Configuration;
using Microsoft.Graph;

namespace AdminMfaWatchdog.Infrastructure.Hosting;

/// <summary>A tenant read from a snapshot instead of Graph (<c>watchdog serve --snapshot</c>, or the demo).</summary>
public sealed record OfflineTenant(IDirectoryReader Reader, WatchdogConfig Config, string Description);

/// <summary>
/// Everything a host runs, composed once from the settings: the tenant reader, the ledger, remediation,
/// alerts, and the scan itself. Both hosts (Azure Functions, <c>watchdog serve</c>) hold one of these;
/// neither knows how a scan is made. Scans in one process run one at a time; across processes the
/// ledger's scan lease keeps them apart.
/// </summary>
public sealed class WatchdogRuntime
{
    private readonly IDirectoryReader _reader;
    private readonly IDirectoryReader _notificationReader;
    private readonly RemediationExecutor? _remediation;
    private readonly AlertNotifier? _alerts;
    private readonly SemaphoreSlim _oneScanAtATime = new(1, 1);
    private readonly string? _configuredTenantId;
    private LastScan? _lastScan;

    private WatchdogRuntime(IConfiguration settings, TimeProvider clock, IDirectoryReader reader, WatchdogConfig config, string description,
        GraphServiceClient? graph, RemediationExecutor? remediation)
    {
        _notificationReader = reader is GraphDirectoryReader graphReader ? graphReader.ReusingPolicyReferences : reader;
        Settings = settings;
        Clock = clock;
        Config = config;
        Description = description;
        Graph = graph;
        _reader = reader;
        _remediation = remediation;
        Host = HostSettings.Host(settings);
        Notifications = HostSettings.Notifications(settings);
        Ledger = WatchdogSettings.Ledger(settings);
        Changes = WatchdogSettings.ChangeQueue(settings);
        _alerts = WatchdogSettings.Alerts(settings, graph);
        _configuredTenantId = settings["Graph:TenantId"] is { Length: > 0 } tenant ? tenant : null;
    }

    /// <summary>
    /// The runtime of these settings: <paramref name="offline"/> when given (never remediated, no
    /// subscriptions), else the Graph tenant the settings name.
    /// </summary>
    /// <param name="config">the configuration (a --config file); default: the Watchdog section, else the offline tenant's.</param>
    /// <exception cref="SettingsException">a setting cannot work, or no tenant is configured and no offline one given.</exception>
    public static WatchdogRuntime Create(IConfiguration settings, TimeProvider clock, OfflineTenant? offline = null, WatchdogConfig? config = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(clock);
        config ??= WatchdogSettings.Watchdog(settings);
        if (offline is not null)
            return new WatchdogRuntime(settings, clock, offline.Reader, config ?? offline.Config, offline.Description, graph: null, remediation: null);
        if (!WatchdogSettings.IsGraphConfigured(settings))
            throw new SettingsException("Graph", "no tenant configured: set Graph:TenantId (and credentials) or Graph:BaseUrl");
        var options = WatchdogSettings.Graph(settings);
        var graph = WatchdogGraphClient.Create(options, clock);
        // Writes share the reader's client: one retry layer, one CA request gate per tenant.
        var remediation = new RemediationExecutor(new GraphDirectoryWriter(graph), new GraphDirectoryReadBack(graph, options, clock));
        return new WatchdogRuntime(settings, clock, new GraphDirectoryReader(graph, options, clock), config ?? WatchdogConfig.Default,
            $"Microsoft Graph at {options.BaseUrl}", graph, remediation);
    }

    /// <summary>The settings the runtime was composed from.</summary>
    public IConfiguration Settings { get; }

    public TimeProvider Clock { get; }

    public WatchdogConfig Config { get; }

    /// <summary>Which tenant this runtime scans, for logs and the console (no secrets).</summary>
    public string Description { get; }

    /// <summary>The live tenant's client; null for an offline tenant.</summary>
    public GraphServiceClient? Graph { get; }

    public HostOptions Host { get; }

    public NotificationOptions Notifications { get; }

    /// <summary>The findings ledger; null without storage settings.</summary>
    public IFindingStore? Ledger { get; }

    /// <summary>The queue notifications are persisted to; null without storage settings.</summary>
    public Changes.ChangeQueue? Changes { get; }

    /// <summary>The last scan this process ran, if any.</summary>
    public LastScan? Last => Volatile.Read(ref _lastScan);

    /// <summary>The tenant's id: configured, else learnt from the first scan; null before then.</summary>
    public string? TenantId => _configuredTenantId ?? Last?.TenantId;

    /// <summary>Raised as a scan starts: what was waiting for a scan is now covered by this one.</summary>
    public event Action<DateTimeOffset>? ScanStarting;

    /// <summary>
    /// One full run (read, evaluate, remediate per the rules' modes, remember, alert). A dry run plans
    /// fixes and writes nothing to the tenant. An offline tenant is never remediated.
    /// </summary>
    public async Task<ScanOutcome> ScanAsync(string trigger, bool dryRun, CancellationToken cancellationToken)
    {
        await _oneScanAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ScanStarting?.Invoke(Clock.GetUtcNow());
            var mode = dryRun ? RemediationMode.DryRun : _remediation is null ? RemediationMode.None : RemediationMode.Remediate;
            var outcome = await Engine(trigger, mode).RunAsync(Config, cancellationToken).ConfigureAwait(false);
            var report = outcome.Report;
            Volatile.Write(ref _lastScan, new LastScan(report.TenantId, trigger, report.StartedAt, report.CompletedAt, report.Complete));
            return outcome;
        }
        finally
        {
            _oneScanAtATime.Release();
        }
    }

    /// <summary>
    /// Reads and evaluates the tenant, and nothing else: no fix, no ledger update, no alert. What a
    /// page someone merely looks at (<c>GET /api/report</c>) may cost.
    /// </summary>
    public Task<ScanReport> ReadOnlyScanAsync(CancellationToken cancellationToken) =>
        Engine(ScanTriggers.Http, RemediationMode.None).ScanAsync(Config, cancellationToken);

    /// <summary>A notification's scan may reuse recent named locations and strengths; every other scan reads them.</summary>
    private WatchdogEngine Engine(string trigger, RemediationMode mode) =>
        new(trigger == ScanTriggers.Notification ? _notificationReader : _reader, Clock, Ledger, new WatchdogEngineOptions { Trigger = trigger, Remediation = mode }, _remediation, _alerts);

    /// <summary>
    /// True when a complete scan started at or after <paramref name="since"/>, here or (per the ledger) in
    /// another process: a change received before that scan started is in what it read.
    /// </summary>
    /// <param name="freshReadsOnly">
    /// only a scan that read everything counts (not a notification's, which may reuse named locations and
    /// strengths): what an audited change may have touched.
    /// </param>
    public async Task<bool> HasCompleteScanSinceAsync(DateTimeOffset since, bool freshReadsOnly, CancellationToken cancellationToken)
    {
        bool Counts(string trigger, bool complete) => complete && !(freshReadsOnly && trigger == ScanTriggers.Notification);
        if (Last is { } last && last.StartedAt >= since && Counts(last.Trigger, last.Complete)) return true;
        if (Ledger is null || TenantId is not { } tenant) return false;
        var scans = await Ledger.ListScansAsync(tenant, since, cancellationToken).ConfigureAwait(false);
        return scans.Any(scan => Counts(scan.Trigger, scan.Complete));
    }
}

/// <summary>What a host may say about a scan without saying anything about the tenant.</summary>
public sealed record LastScan(string TenantId, string Trigger, DateTimeOffset StartedAt, DateTimeOffset CompletedAt, bool Complete);
