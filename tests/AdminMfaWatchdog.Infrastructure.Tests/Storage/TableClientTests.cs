using AdminMfaWatchdog.Infrastructure.Storage.Tables;
using Azure;

namespace AdminMfaWatchdog.Infrastructure.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableClientTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Creating_a_table_that_exists_succeeds_without_change()
    {
        var service = azurite.CreateServiceClient();
        var name = $"t{Guid.NewGuid():N}";

        var first = await service.CreateTableIfNotExistsAsync(name);
        await service.GetTableClient(name).AddEntityAsync(new TableEntity("p", "kept"));
        var second = await service.GetTableClient(name).CreateIfNotExistsAsync();

        Assert.Equal(204, first.GetRawResponse().Status);
        Assert.Equal(409, second.GetRawResponse().Status);
        Assert.Equal(name, second.Value.Name);
        Assert.True((await service.GetTableClient(name).GetEntityIfExistsAsync("p", "kept")).HasValue);
    }

    [Fact]
    public async Task A_deleted_table_is_gone_and_deleting_it_again_is_not_an_error()
    {
        var table = await azurite.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));

        var deleted = await table.DeleteAsync();
        var again = await azurite.CreateServiceClient().DeleteTableAsync(table.Name);
        var gone = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityIfExistsAsync("p", "r"));

        Assert.Equal(204, deleted.Status);
        Assert.Equal(404, again.Status);
        Assert.Equal(TableErrorCode.TableNotFound, gone.ErrorCode);
    }

    [Fact]
    public async Task An_added_entity_reads_back_with_its_etag_and_timestamp_and_cannot_be_added_twice()
    {
        var table = await azurite.CreateTableAsync();
        var entity = new TableEntity("tenant", "finding") { ["Status"] = "open" };

        var added = await table.AddEntityAsync(entity);
        var read = (await table.GetEntityAsync("tenant", "finding")).Value;
        var duplicate = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(entity));

        Assert.Equal(added.Headers.ETag, read.ETag);
        Assert.NotNull(read.Timestamp);
        Assert.Equal("open", read.GetString("Status"));
        Assert.Equal(409, duplicate.Status);
        Assert.Equal(TableErrorCode.EntityAlreadyExists, duplicate.ErrorCode);
    }

    [Fact]
    public async Task A_missing_entity_is_a_404_or_a_response_without_value()
    {
        var table = await azurite.CreateTableAsync();

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityAsync("tenant", "absent"));
        var maybe = await table.GetEntityIfExistsAsync("tenant", "absent");

        Assert.Equal(404, error.Status);
        Assert.Equal(TableErrorCode.ResourceNotFound, error.ErrorCode);
        Assert.False(maybe.HasValue);
    }

    [Fact]
    public async Task A_missing_table_is_an_error_even_where_a_missing_entity_is_not()
    {
        var table = azurite.CreateServiceClient().GetTableClient($"t{Guid.NewGuid():N}");

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityIfExistsAsync("tenant", "absent"));

        Assert.Equal(404, error.Status);
        Assert.Equal(TableErrorCode.TableNotFound, error.ErrorCode);
    }

    [Fact]
    public async Task Upsert_merge_keeps_unsent_properties_and_replace_drops_them()
    {
        var table = await azurite.CreateTableAsync();
        await table.UpsertEntityAsync(new TableEntity("tenant", "row") { ["Kept"] = "yes", ["Count"] = 1 });

        await table.UpsertEntityAsync(new TableEntity("tenant", "row") { ["Count"] = 2 }, TableUpdateMode.Merge);
        var merged = (await table.GetEntityAsync("tenant", "row")).Value;
        await table.UpsertEntityAsync(new TableEntity("tenant", "row") { ["Count"] = 3 }, TableUpdateMode.Replace);
        var replaced = (await table.GetEntityAsync("tenant", "row")).Value;

        Assert.Equal(("yes", 2), (merged.GetString("Kept"), merged.GetInt32("Count")));
        Assert.Equal((null, 3), (replaced.GetString("Kept"), replaced.GetInt32("Count")));
    }

    [Fact]
    public async Task An_update_with_a_stale_etag_fails_with_412_and_changes_nothing()
    {
        var table = await azurite.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("tenant", "row") { ["Occurrences"] = 1 });
        var read = (await table.GetEntityAsync("tenant", "row")).Value;

        read["Occurrences"] = 2;
        var first = await table.UpdateEntityAsync(read, read.ETag);
        read["Occurrences"] = 99;
        var stale = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpdateEntityAsync(read, read.ETag, TableUpdateMode.Replace));
        var stored = (await table.GetEntityAsync("tenant", "row")).Value;

        Assert.Equal(412, stale.Status);
        Assert.Equal(TableErrorCode.UpdateConditionNotSatisfied, stale.ErrorCode);
        Assert.Equal(2, stored.GetInt32("Occurrences"));
        Assert.Equal(first.Headers.ETag, stored.ETag);
    }

    [Fact]
    public async Task Updating_a_missing_entity_fails_with_404_and_an_update_needs_an_etag()
    {
        var table = await azurite.CreateTableAsync();
        var entity = new TableEntity("tenant", "absent");

        var missing = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpdateEntityAsync(entity, ETag.All));

        Assert.Equal(404, missing.Status);
        await Assert.ThrowsAsync<ArgumentException>(() => table.UpdateEntityAsync(entity, default));
    }

    [Fact]
    public async Task Delete_honours_the_etag_and_a_missing_entity_is_not_an_error()
    {
        var table = await azurite.CreateTableAsync();
        var added = await table.AddEntityAsync(new TableEntity("tenant", "row"));
        await table.UpsertEntityAsync(new TableEntity("tenant", "row") { ["Changed"] = true });

        var stale = await Assert.ThrowsAsync<RequestFailedException>(() => table.DeleteEntityAsync("tenant", "row", added.Headers.ETag!.Value));
        var deleted = await table.DeleteEntityAsync("tenant", "row");
        var again = await table.DeleteEntityAsync("tenant", "row");

        Assert.Equal(412, stale.Status);
        Assert.Equal(204, deleted.Status);
        Assert.Equal(404, again.Status);
        Assert.False((await table.GetEntityIfExistsAsync("tenant", "row")).HasValue);
    }

    [Fact]
    public async Task Typed_properties_and_awkward_keys_round_trip()
    {
        var table = await azurite.CreateTableAsync();
        var seen = new DateTimeOffset(2026, 11, 22, 9, 15, 30, TimeSpan.FromHours(-5)).AddTicks(1234567);
        var id = Guid.NewGuid();
        var text = "O'Brien said \"hi\" — ünïcödé 管理者 🔐\nsecond line";
        var entity = new TableEntity("tenant's 'quoted' ünï", "row (1) 100% é") // '/', '\', '#' and '?' are not allowed in keys
        {
            ["Text"] = text,
            ["Seen"] = seen,
            ["Big"] = long.MaxValue - 7,
            ["Negative"] = -(1L << 40),
            ["Small"] = int.MinValue,
            ["Flag"] = false,
            ["Id"] = id,
            ["Whole"] = 2.0,
            ["Fraction"] = -0.1,
            ["Bytes"] = new byte[] { 0, 1, 254, 255 },
        };

        await table.AddEntityAsync(entity);
        var read = (await table.GetEntityAsync(entity.PartitionKey, entity.RowKey)).Value;

        Assert.Equal((entity.PartitionKey, entity.RowKey), (read.PartitionKey, read.RowKey));
        Assert.Equal(text, read.GetString("Text"));
        Assert.Equal(seen, read.GetDateTimeOffset("Seen"));
        Assert.Equal(TimeSpan.Zero, read.GetDateTimeOffset("Seen")!.Value.Offset);
        Assert.Equal(long.MaxValue - 7, read.GetInt64("Big"));
        Assert.Equal(-(1L << 40), read.GetInt64("Negative"));
        Assert.Equal(int.MinValue, read.GetInt32("Small"));
        Assert.False(read.GetBoolean("Flag"));
        Assert.Equal(id, read.GetGuid("Id"));
        Assert.IsType<double>(read["Whole"]);
        Assert.Equal(2.0, read.GetDouble("Whole"));
        Assert.Equal(-0.1, read.GetDouble("Fraction"));
        Assert.Equal(new byte[] { 0, 1, 254, 255 }, read.GetBinary("Bytes"));
    }

    [Fact]
    public async Task Select_reads_only_the_named_properties()
    {
        var table = await azurite.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("tenant", "row") { ["Wanted"] = "a", ["Other"] = "b" });

        var read = (await table.GetEntityAsync("tenant", "row", select: ["Wanted"])).Value;

        Assert.Equal("a", read.GetString("Wanted"));
        Assert.False(read.ContainsKey("Other"));
    }
}
