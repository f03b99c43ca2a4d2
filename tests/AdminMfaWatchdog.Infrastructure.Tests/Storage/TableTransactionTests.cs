using AdminMfaWatchdog.Infrastructure.Storage.Tables;
using Azure;

namespace AdminMfaWatchdog.Infrastructure.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableTransactionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_transaction_of_100_actions_applies_them_all_and_answers_each()
    {
        var table = await azurite.CreateTableAsync();
        var actions = Enumerable.Range(0, TableClient.MaxTransactionActions)
            .Select(number => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("tenant", $"row{number:D3}") { ["Number"] = number }))
            .ToList();

        var response = await table.SubmitTransactionAsync(actions);

        Assert.Equal(100, response.Value.Count);
        Assert.All(response.Value, result =>
        {
            Assert.Equal(204, result.Status);
            Assert.NotNull(result.Headers.ETag);
        });
        Assert.Equal(100, await CountAsync(table));
    }

    [Fact]
    public async Task Every_kind_of_action_applies_in_one_transaction()
    {
        var table = await azurite.CreateTableAsync();
        var merged = new TableEntity("tenant", "merged") { ["Kept"] = "yes" };
        await table.AddEntityAsync(merged);
        await table.AddEntityAsync(new TableEntity("tenant", "replaced") { ["Dropped"] = "yes" });
        await table.AddEntityAsync(new TableEntity("tenant", "deleted"));
        var replacedETag = (await table.GetEntityAsync("tenant", "replaced")).Value.ETag;

        await table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("tenant", "added")),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("tenant", "merged") { ["Count"] = 2 }),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("tenant", "replaced") { ["Count"] = 3 }, replacedETag),
            new(TableTransactionActionType.UpsertMerge, new TableEntity("tenant", "upserted") { ["Count"] = 4 }),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("tenant", "upserted-replace")),
            new(TableTransactionActionType.Delete, new TableEntity("tenant", "deleted")),
        ]);

        var mergedRead = (await table.GetEntityAsync("tenant", "merged")).Value;
        var replacedRead = (await table.GetEntityAsync("tenant", "replaced")).Value;
        Assert.Equal(("yes", 2), (mergedRead.GetString("Kept"), mergedRead.GetInt32("Count")));
        Assert.Equal((null, 3), (replacedRead.GetString("Dropped"), replacedRead.GetInt32("Count")));
        Assert.Equal(4, (await table.GetEntityAsync("tenant", "upserted")).Value.GetInt32("Count"));
        Assert.False((await table.GetEntityIfExistsAsync("tenant", "deleted")).HasValue);
        Assert.Equal(5, await CountAsync(table));
    }

    [Fact]
    public async Task One_failing_action_fails_the_whole_transaction_and_names_its_index()
    {
        var table = await azurite.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("tenant", "row057") { ["Original"] = true });
        var actions = Enumerable.Range(0, TableClient.MaxTransactionActions)
            .Select(number => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("tenant", $"row{number:D3}")))
            .ToList();

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(actions));

        Assert.Equal(57, error.FailedTransactionActionIndex);
        Assert.Equal(409, error.Status);
        Assert.Equal(TableErrorCode.EntityAlreadyExists, error.ErrorCode);
        Assert.Contains("action 57 (Add)", error.Message);
        Assert.Equal(1, await CountAsync(table));
        Assert.True((await table.GetEntityAsync("tenant", "row057")).Value.GetBoolean("Original"));
    }

    [Fact]
    public async Task A_stale_etag_fails_the_transaction_with_412()
    {
        var table = await azurite.CreateTableAsync();
        var added = await table.AddEntityAsync(new TableEntity("tenant", "row"));
        await table.UpsertEntityAsync(new TableEntity("tenant", "row") { ["Changed"] = true });

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("tenant", "other")),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("tenant", "row") { ["Lost"] = true }, added.Headers.ETag!.Value),
        ]));

        Assert.Equal(412, error.Status);
        Assert.Equal(1, error.FailedTransactionActionIndex);
        Assert.False((await table.GetEntityIfExistsAsync("tenant", "other")).HasValue);
    }

    [Fact]
    public async Task More_than_100_actions_or_two_partitions_are_refused_before_sending()
    {
        // A table that does not exist: a request that reached the service would fail differently.
        var table = azurite.CreateServiceClient().GetTableClient($"t{Guid.NewGuid():N}");
        var tooMany = Enumerable.Range(0, 101)
            .Select(number => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("tenant", $"{number}")));

        var count = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(tooMany));
        var partitions = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("tenant-a", "1")),
            new(TableTransactionActionType.Add, new TableEntity("tenant-b", "1")),
        ]));
        var empty = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync([]));

        Assert.Contains("1 to 100 actions; this one has 101", count.Message);
        Assert.Contains("one PartitionKey", partitions.Message);
        Assert.Contains("has 0", empty.Message);
    }

    private static async Task<int> CountAsync(TableClient table)
    {
        var count = 0;
        await foreach (var _ in table.QueryAsync())
        {
            count++;
        }

        return count;
    }
}
