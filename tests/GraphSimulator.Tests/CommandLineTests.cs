namespace GraphSimulator.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void Throttling_and_latency_are_off_unless_flags_turn_them_on()
    {
        var defaults = CommandLine.Parse(["--snapshot", "tenant.json"]);
        var tuned = CommandLine.Parse(["--urls", "http://127.0.0.1:6000", "--latency-ms", "25", "--throttle-ca", "--directory-capacity", "50"]);

        Assert.Equal("tenant.json", defaults.SnapshotPath);
        Assert.Null(defaults.Options.ConditionalAccessThrottle);
        Assert.Null(defaults.Options.DirectoryThrottle);
        Assert.Equal(TimeSpan.Zero, defaults.Options.Latency);
        Assert.Equal("http://127.0.0.1:6000", tuned.Url);
        Assert.Equal(TimeSpan.FromMilliseconds(25), tuned.Options.Latency);
        Assert.NotNull(tuned.Options.ConditionalAccessThrottle);
        Assert.Equal(new DirectoryThrottleOptions(50, 800), tuned.Options.DirectoryThrottle);
    }

    [Fact]
    public void Change_tracking_flags_set_the_reports_limit_the_audit_delay_and_the_retry_delay()
    {
        var defaults = CommandLine.Parse([]);
        var tuned = CommandLine.Parse(["--throttle-reports", "--audit-delay-s", "120", "--notification-retry-s", "0.5"]);

        Assert.Null(defaults.Options.ReportsThrottle);
        Assert.Equal(TimeSpan.Zero, defaults.Options.AuditLogIngestionDelay);
        Assert.Equal(TimeSpan.FromMinutes(1), defaults.Options.ChangeNotifications.RetryDelay);
        Assert.Equal(new ReportsThrottleOptions(), tuned.Options.ReportsThrottle);
        Assert.Equal(TimeSpan.FromMinutes(2), tuned.Options.AuditLogIngestionDelay);
        Assert.Equal(TimeSpan.FromMilliseconds(500), tuned.Options.ChangeNotifications.RetryDelay);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--latency-ms")]
    [InlineData("--latency-ms", "-5")]
    public void Bad_flags_are_rejected(params string[] args) =>
        Assert.Throws<ArgumentException>(() => CommandLine.Parse(args));
}
