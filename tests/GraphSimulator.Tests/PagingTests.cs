using System.Net;
using static GraphSimulator.Tests.TestSimulator;

namespace GraphSimulator.Tests;

public sealed class PagingTests
{
    [Fact]
    public async Task Users_are_served_100_per_page_with_absolute_next_links_until_the_last_page()
    {
        await using var sim = await StartAsync();
        var ids = new List<string>();
        string? url = "users?$select=id";
        var pages = 0;
        while (url is not null)
        {
            var page = await sim.Client.GetJsonAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            pages++;
            Assert.True(page.Value.Count <= 100);
            ids.AddRange(page.Value.Select(u => u!["id"]!.GetValue<string>()));
            url = page.Body!["@odata.nextLink"]?.GetValue<string>();
            if (url is not null)
            {
                Assert.StartsWith(sim.BaseUrl + "/users?", url);
                Assert.Contains("$skiptoken=", url);
            }
        }

        Assert.Equal(3, pages);
        Assert.Equal(TotalUsers, ids.Distinct().Count());
    }

    [Fact]
    public async Task Top_sets_the_page_size_and_next_links_keep_the_other_query_options()
    {
        await using var sim = await StartAsync();

        var first = await sim.Client.GetJsonAsync("users?$top=7&$select=userPrincipalName&$filter=startswith(userPrincipalName,'user-')");
        var next = first.Body!["@odata.nextLink"]!.GetValue<string>();
        var second = await sim.Client.GetJsonAsync(next);

        Assert.Equal(7, first.Value.Count);
        Assert.Contains("$top=7", next);
        Assert.Equal(7, second.Value.Count);
        Assert.All(second.Value, u => Assert.StartsWith("user-", u!["userPrincipalName"]!.GetValue<string>()));
        Assert.Null(second.Value[0]!["displayName"]);
        Assert.Equal("user-007@contoso.com", second.Value[0]!["userPrincipalName"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1000")]
    public async Task Top_outside_1_to_999_is_rejected(string top)
    {
        await using var sim = await StartAsync();

        var reply = await sim.Client.GetJsonAsync($"users?$top={top}");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains("Must be between 1 and 999", reply.ErrorMessage);
    }

    [Fact]
    public async Task A_skiptoken_the_simulator_did_not_mint_is_rejected()
    {
        await using var sim = await StartAsync();

        var reply = await sim.Client.GetJsonAsync("users?$skiptoken=garbage!");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("Directory_ExpiredPageToken", reply.ErrorCode);
    }

    [Fact]
    public async Task Count_is_returned_only_for_advanced_queries()
    {
        await using var sim = await StartAsync();

        var plain = await sim.Client.GetJsonAsync("users?$count=true&$top=1");
        var eventual = await sim.Client.GetJsonAsync("users?$count=true&$top=1", HttpJson.Eventual);
        var segmentWithout = await sim.Client.GetJsonAsync("users/$count");
        using var segment = new HttpRequestMessage(HttpMethod.Get, "users/$count") { Headers = { { "ConsistencyLevel", "eventual" } } };
        var count = await (await sim.Client.SendAsync(segment)).Content.ReadAsStringAsync();

        Assert.Null(plain.Body!["@odata.count"]);
        Assert.Equal(TotalUsers, eventual.Body!["@odata.count"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadRequest, segmentWithout.Status);
        Assert.Equal(TotalUsers.ToString(System.Globalization.CultureInfo.InvariantCulture), count);
    }
}
