using System.Net;
using static GraphSimulator.Tests.TestSimulator;

namespace GraphSimulator.Tests;

public sealed class QueryTests
{
    [Fact]
    public async Task Select_returns_only_the_selected_properties_and_null_for_missing_ones()
    {
        await using var sim = await StartAsync();

        var user = await sim.Client.GetJsonAsync($"users/{JoeyId}?$select=accountEnabled,employeeType,onPremisesExtensionAttributes");

        var body = user.Body!.AsObject();
        Assert.Equal(
            ["@odata.context", "accountEnabled", "employeeType", "onPremisesExtensionAttributes"],
            body.Select(p => p.Key).ToArray());
        Assert.True(body["accountEnabled"]!.GetValue<bool>());
        Assert.Null(body["employeeType"]);
        Assert.Equal("tier0", body["onPremisesExtensionAttributes"]!["extensionAttribute1"]!.GetValue<string>());
        Assert.EndsWith("$metadata#users(accountEnabled,employeeType,onPremisesExtensionAttributes)/$entity",
            body["@odata.context"]!.GetValue<string>());
    }

    [Fact]
    public async Task Users_without_select_get_Graphs_default_property_set_only()
    {
        await using var sim = await StartAsync();

        var user = (await sim.Client.GetJsonAsync($"users/{JoeyId}")).Body!.AsObject();

        Assert.True(user.ContainsKey("userPrincipalName"));
        Assert.True(user.ContainsKey("businessPhones"));
        Assert.False(user.ContainsKey("accountEnabled"));
        Assert.False(user.ContainsKey("employeeType"));
    }

    [Fact]
    public async Task Every_stored_property_is_served_when_the_default_set_is_turned_off()
    {
        await using var sim = await StartAsync(new SimulatorOptions { UserDefaultPropertySet = false });

        var user = (await sim.Client.GetJsonAsync($"users/{JoeyId}")).Body!.AsObject();

        Assert.Equal("tier0", user["onPremisesExtensionAttributes"]!["extensionAttribute1"]!.GetValue<string>());
        Assert.True(user["accountEnabled"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("startswith(userPrincipalName,'svc-')", 1)]
    [InlineData("userPrincipalName eq 'LENAB@contoso.com'", 1)]
    [InlineData("employeeType eq 'ServiceAccount'", 1)]
    [InlineData("employeeType in ('Employee','ServiceAccount')", 125)]
    [InlineData("id in ('ace08ec9-aa11-4ada-9145-addf0398233e','071cc716-8147-4397-a5ba-b2105951cc0b')", 2)]
    [InlineData("accountEnabled eq false and startswith(displayName,'User')", 25)]
    [InlineData("onPremisesExtensionAttributes/extensionAttribute1 eq 'tier0'", 1)]
    public async Task User_filters_select_the_matching_users(string filter, int expected)
    {
        await using var sim = await StartAsync();

        var reply = await sim.Client.GetJsonAsync($"users?$top=999&$select=id&$filter={Uri.EscapeDataString(filter)}");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(expected, reply.Value.Count);
    }

    [Theory]
    [InlineData("endswith(userPrincipalName,'@contoso.onmicrosoft.com')")]
    [InlineData("employeeType ne 'Employee'")]
    [InlineData("not(startswith(userPrincipalName,'user-'))")]
    public async Task Advanced_filters_need_ConsistencyLevel_eventual_and_count(string filter)
    {
        await using var sim = await StartAsync();
        var url = $"users?$top=999&$select=id&$filter={Uri.EscapeDataString(filter)}";

        var without = await sim.Client.GetJsonAsync(url);
        var withHeaderOnly = await sim.Client.GetJsonAsync(url, HttpJson.Eventual);
        var advanced = await sim.Client.GetJsonAsync(url + "&$count=true", HttpJson.Eventual);

        Assert.Equal(HttpStatusCode.BadRequest, without.Status);
        Assert.Equal("Request_UnsupportedQuery", without.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, withHeaderOnly.Status);
        Assert.Equal(HttpStatusCode.OK, advanced.Status);
        Assert.Equal(advanced.Body!["@odata.count"]!.GetValue<int>(), advanced.Value.Count);
    }

    [Fact]
    public async Task An_unsupported_filter_function_is_answered_400()
    {
        await using var sim = await StartAsync();

        var reply = await sim.Client.GetJsonAsync("users?$filter=contains(displayName,'a')");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("Request_UnsupportedQuery", reply.ErrorCode);
    }

    [Fact]
    public async Task Users_are_found_by_user_principal_name_and_unknown_ones_get_the_error_envelope()
    {
        await using var sim = await StartAsync();

        var byUpn = await sim.Client.GetJsonAsync("users/svc-backup%40contoso.com?$select=id");
        var missing = await sim.Client.GetJsonAsync("users/nobody@contoso.com", ("client-request-id", "abc-123"));

        Assert.Equal(ServiceAccountId, byUpn.Body!["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal("Request_ResourceNotFound", missing.ErrorCode);
        var inner = missing.Body!["error"]!["innerError"]!;
        Assert.Equal("abc-123", inner["client-request-id"]!.GetValue<string>());
        Assert.NotNull(inner["request-id"]);
        Assert.NotNull(inner["date"]);
        Assert.Equal("abc-123", missing.Header("client-request-id"));
    }

    [Fact]
    public async Task An_unknown_segment_is_a_bad_request()
    {
        await using var sim = await StartAsync();

        var reply = await sim.Client.GetJsonAsync("nonsense");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("Resource not found for the segment 'nonsense'.", reply.ErrorMessage);
    }
}
