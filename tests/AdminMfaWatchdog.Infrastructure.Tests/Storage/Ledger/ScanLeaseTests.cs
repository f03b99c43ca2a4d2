using AdminMfaWatchdog.Infrastructure.Storage.Ledger;
using static AdminMfaWatchdog.Infrastructure.Tests.Storage.Ledger.LedgerTestKit;

namespace AdminMfaWatchdog.Infrastructure.Tests.Storage.Ledger;

[Collection(AzuriteCollection.Name)]
public sealed class ScanLeaseTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_second_acquirer_gets_nothing_until_the_holder_releases()
    {
        var tenant = NewTenant();
        var options = FreshTables();
        var (first, second) = (Store(azurite, options), Store(azurite, options));

        var held = await first.TryAcquireScanLeaseAsync(tenant, "host-a", Minute, default);
        var refused = await second.TryAcquireScanLeaseAsync(tenant, "host-b", Minute, default);
        var otherTenant = await second.TryAcquireScanLeaseAsync(NewTenant(), "host-b", Minute, default);

        Assert.NotNull(held);
        Assert.Equal((tenant, "host-a"), (held.TenantId, held.Owner));
        Assert.Null(refused);
        Assert.NotNull(otherTenant);

        await held.DisposeAsync();
        await using var next = await second.TryAcquireScanLeaseAsync(tenant, "host-b", Minute, default);

        Assert.NotNull(next);
        Assert.Equal("host-b", next.Owner);
    }

    [Fact]
    public async Task An_expired_lease_is_taken_over_and_its_old_holder_can_neither_renew_nor_release_it()
    {
        var tenant = NewTenant();
        var clock = new ManualClock(Monday);
        var options = FreshTables(clock);
        var (first, second, third) = (Store(azurite, options), Store(azurite, options), Store(azurite, options));
        var stale = await first.TryAcquireScanLeaseAsync(tenant, "host-a", Minute, default);
        Assert.NotNull(stale);

        clock.Now = Monday.AddSeconds(59);
        Assert.Null(await second.TryAcquireScanLeaseAsync(tenant, "host-b", Minute, default));
        clock.Now = Monday.AddMinutes(2);
        await using var taken = await second.TryAcquireScanLeaseAsync(tenant, "host-b", Minute, default);

        Assert.NotNull(taken);
        Assert.Equal(Monday.AddMinutes(3), taken.ExpiresAt);
        Assert.False(await stale.TryRenewAsync(Minute, default));
        await stale.DisposeAsync(); // must not delete host-b's lease
        Assert.Null(await third.TryAcquireScanLeaseAsync(tenant, "host-c", Minute, default));
    }

    [Fact]
    public async Task Renewing_keeps_the_lease_past_its_first_expiry()
    {
        var tenant = NewTenant();
        var clock = new ManualClock(Monday);
        var options = FreshTables(clock);
        var (holder, contender) = (Store(azurite, options), Store(azurite, options));
        await using var lease = await holder.TryAcquireScanLeaseAsync(tenant, "host-a", Minute, default);
        Assert.NotNull(lease);

        clock.Now = Monday.AddSeconds(50);
        Assert.True(await lease.TryRenewAsync(Minute, default));
        clock.Now = Monday.AddSeconds(90);

        Assert.Equal(Monday.AddSeconds(110), lease.ExpiresAt);
        Assert.Null(await contender.TryAcquireScanLeaseAsync(tenant, "host-b", Minute, default));
    }

    [Fact]
    public async Task A_lease_row_says_who_holds_it_until_when()
    {
        var tenant = NewTenant();
        var options = FreshTables(new ManualClock(Monday));
        await using var lease = await Store(azurite, options).TryAcquireScanLeaseAsync(tenant, "host-a", Minute, default);

        var row = (await RawTable(azurite, options.LeasesTableName).GetEntityAsync(tenant, "scan")).Value;

        Assert.Equal(("host-a", Monday, Monday.AddMinutes(1)), (row.GetString("Owner"), row.GetDateTimeOffset("AcquiredAt"), row.GetDateTimeOffset("ExpiresAt")));
        Assert.False(string.IsNullOrEmpty(row.GetString("LeaseId")));
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
