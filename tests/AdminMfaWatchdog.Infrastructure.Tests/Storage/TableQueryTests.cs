using AdminMfaWatchdog.Infrastructure.Storage.Tables;
using Azure;

namespace AdminMfaWatchdog.Infrastructure.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableQueryTests(AzuriteFixture azurite)
{
    private const int RowsInPartition = 1_250; // more than the 1,000 the service returns per page

    [Fact]
    public async Task A_query_follows_continuations_past_the_service_page_size_with_filter_and_select()
    {
        var table = await SeedAsync();

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {"tenant-a"} and Number ge {100}");
        var pages = new List<Page<TableEntity>>();
        await foreach (var page in table.QueryAsync(filter, select: ["RowKey", "Number"]).AsPages())
        {
            pages.Add(page);
        }

        var entities = pages.SelectMany(page => page.Values).ToList();
        Assert.True(pages.Count >= 2, $"expected several pages, got {pages.Count}");
        Assert.Equal(1_000, pages[0].Values.Count);
        Assert.Null(pages[^1].ContinuationToken);
        Assert.Equal(RowsInPartition - 100, entities.Count);
        Assert.Equal(entities.Count, entities.Select(entity => entity.RowKey).Distinct().Count());
        Assert.All(entities, entity =>
        {
            Assert.True(entity.GetInt32("Number") >= 100);
            Assert.False(entity.ContainsKey("Label"));
        });
    }

    [Fact]
    public async Task Max_per_page_sets_the_page_size_and_a_continuation_token_resumes_the_query()
    {
        var table = await SeedAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {"tenant-a"}");

        Page<TableEntity>? first = null;
        await foreach (var page in table.QueryAsync(filter, maxPerPage: 300).AsPages())
        {
            first = page;
            break;
        }

        var rest = new List<TableEntity>();
        await foreach (var page in table.QueryAsync(filter, maxPerPage: 300).AsPages(first!.ContinuationToken))
        {
            Assert.True(page.Values.Count <= 300);
            rest.AddRange(page.Values);
        }

        Assert.Equal(300, first.Values.Count);
        Assert.Equal(RowsInPartition - 300, rest.Count);
        Assert.Empty(first.Values.Select(entity => entity.RowKey).Intersect(rest.Select(entity => entity.RowKey)));
    }

    [Fact]
    public async Task A_filter_value_with_quotes_matches_exactly()
    {
        var table = await azurite.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("tenant", "1") { ["Name"] = "O'Brien" });
        await table.AddEntityAsync(new TableEntity("tenant", "2") { ["Name"] = "OBrien" });

        var matches = await ToListAsync(table.QueryAsync(TableClient.CreateQueryFilter($"Name eq {"O'Brien"}")));

        Assert.Equal("1", Assert.Single(matches).RowKey);
    }

    [Fact]
    public async Task A_typed_filter_compares_dates_longs_and_guids()
    {
        var table = await azurite.CreateTableAsync();
        var cutoff = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var id = Guid.NewGuid();
        await table.AddEntityAsync(new TableEntity("tenant", "old") { ["Seen"] = cutoff.AddDays(-1), ["Count"] = 5L, ["Id"] = id });
        await table.AddEntityAsync(new TableEntity("tenant", "new") { ["Seen"] = cutoff.AddDays(1), ["Count"] = 5L, ["Id"] = id });

        var matches = await ToListAsync(table.QueryAsync(
            TableClient.CreateQueryFilter($"Seen gt {cutoff} and Count eq {5L} and Id eq {id}")));

        Assert.Equal("new", Assert.Single(matches).RowKey);
    }

    private async Task<TableClient> SeedAsync()
    {
        var table = await azurite.CreateTableAsync();
        var rows = Enumerable.Range(0, RowsInPartition)
            .Select(number => new TableEntity("tenant-a", number.ToString("D5")) { ["Number"] = number, ["Label"] = $"row {number}" })
            .Chunk(TableClient.MaxTransactionActions)
            .Select(chunk => table.SubmitTransactionAsync(chunk.Select(entity => new TableTransactionAction(TableTransactionActionType.Add, entity))));
        await Task.WhenAll(rows);
        await table.AddEntityAsync(new TableEntity("tenant-b", "00500") { ["Number"] = 500 });
        return table;
    }

    private static async Task<List<TableEntity>> ToListAsync(AsyncPageable<TableEntity> query)
    {
        var entities = new List<TableEntity>();
        await foreach (var entity in query)
        {
            entities.Add(entity);
        }

        return entities;
    }
}
