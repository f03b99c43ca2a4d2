using System.Net;
using System.Text.Json.Nodes;
using GraphSimulator.ChangeTracking;
using Microsoft.AspNetCore.Http;
using static GraphSimulator.Tests.TestSimulator;

namespace GraphSimulator.Tests.ChangeTracking;

public sealed class SubscriptionTests
{
    private const string ValidationFailed =
        "Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.";

    [Fact]
    public async Task Creating_validates_both_urls_then_answers_201_with_the_subscription()
    {
        await using var f = await ChangeTrackingFixture.StartAsync();

        var created = await f.Sim.Client.PostJsonAsync("subscriptions", f.Body($"/groups/{ExclusionGroupId}/members", lifecycle: true));

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var body = created.Body!;
        Assert.True(Guid.TryParse(body["id"]!.GetValue<string>(), out _));
        Assert.EndsWith("/$metadata#subscriptions/$entity", body["@odata.context"]!.GetValue<string>());
        Assert.Equal($"/groups/{ExclusionGroupId}/members", body["resource"]!.GetValue<string>());
        Assert.Equal(SimulatedApp.ApplicationId, body["applicationId"]!.GetValue<string>());
        Assert.Equal(SimulatedApp.ServicePrincipalId, body["creatorId"]!.GetValue<string>());
        Assert.Equal("updated,deleted", body["changeType"]!.GetValue<string>());
        Assert.Equal(ChangeTrackingFixture.ClientState, body["clientState"]!.GetValue<string>());
        Assert.Equal(f.NotifyUrl, body["notificationUrl"]!.GetValue<string>());
        Assert.Equal(f.LifecycleUrl, body["lifecycleNotificationUrl"]!.GetValue<string>());
        Assert.Equal("2026-01-03T00:00:00Z", body["expirationDateTime"]!.GetValue<string>());
        Assert.False(body["includeResourceData"]!.GetValue<bool>());
        Assert.Equal("v1_2", body["latestSupportedTlsVersion"]!.GetValue<string>());
        Assert.Equal("application/json", body["notificationContentType"]!.GetValue<string>());

        var validations = f.Receiver.Received;
        Assert.Equal(["/api/notify", "/api/lifecycle"], validations.Select(v => v.Path));
        Assert.All(validations, v =>
        {
            Assert.Equal("KEY", v.Query("code"));
            Assert.Equal("text/plain; charset=utf-8", v.ContentType);
            Assert.Empty(v.Body);
            Assert.StartsWith("Validation: Testing client application reachability for subscription", v.ValidationToken);
        });
    }

    [Fact]
    public async Task The_token_needs_decoding_so_an_endpoint_echoing_the_raw_query_fails_with_the_mismatch_message()
    {
        await using var f = await ChangeTrackingFixture.StartAsync();
        f.Receiver.Answer = async (context, request) =>
        {
            var raw = request.RawQuery.Split("validationToken=")[1];
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync(raw);
        };

        var created = await f.Sim.Client.PostJsonAsync("subscriptions", f.Body("/users"));
        var token = f.Receiver.Received.Single().ValidationToken!;
        var list = await f.Sim.Client.GetJsonAsync("subscriptions");

        Assert.Equal(HttpStatusCode.BadRequest, created.Status);
        Assert.Equal("InvalidRequest", created.ErrorCode);
        Assert.Equal("Subscription validation request failed. Response must exactly match validationToken query parameter.", created.ErrorMessage);
        Assert.Contains(' ', token);
        Assert.Contains('+', token);
        Assert.Contains('&', token);
        Assert.Contains('<', token);
        Assert.Contains(token, c => c > 127);
        Assert.Empty(list.Value);
    }

    [Fact]
    public async Task An_endpoint_that_is_down_fails_the_creation()
    {
        await using var f = await ChangeTrackingFixture.StartAsync();
        var body = f.Body("/users");
        await f.Receiver.DisposeAsync();

        var created = await f.Sim.Client.PostJsonAsync("subscriptions", body);

        Assert.Equal(HttpStatusCode.BadRequest, created.Status);
        Assert.Equal("InvalidRequest", created.ErrorCode);
        Assert.Equal(ValidationFailed, created.ErrorMessage);
    }

    [Fact]
    public async Task An_endpoint_that_answers_too_late_or_with_another_status_fails_the_creation()
    {
        await using var f = await ChangeTrackingFixture.StartAsync(new ChangeNotificationOptions { ValidationTimeout = TimeSpan.FromMilliseconds(200) });
        f.Receiver.Answer = (context, _) => Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        var late = await f.Sim.Client.PostJsonAsync("subscriptions", f.Body("/users"));
        f.Receiver.Answer = (context, _) =>
        {
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            return Task.CompletedTask;
        };
        var accepted = await f.Sim.Client.PostJsonAsync("subscriptions", f.Body("/users"));

        Assert.Equal(ValidationFailed, late.ErrorMessage);
        Assert.Equal(ValidationFailed, accepted.ErrorMessage);
        Assert.Equal([null, 202], f.Sim.Changes.Deliveries.Select(d => d.Status));
    }

    [Fact]
    public async Task A_lifecycle_url_that_fails_the_handshake_fails_the_creation()
    {
        await using var f = await ChangeTrackingFixture.StartAsync();
        f.Receiver.Answer = (context, request) => request.Path == "/api/lifecycle"
            ? Task.FromResult(context.Response.StatusCode = StatusCodes.Status404NotFound)
            : NotificationReceiver.AnswerLikeGraphExpects(context, request);

        var created = await f.Sim.Client.PostJsonAsync("subscriptions", f.Body("/users", lifecycle: true));

        Assert.Equal(ValidationFailed, created.ErrorMessage);
    }

    public static TheoryData<string, string, int, string, string> InvalidBodies => new()
    {
        { "changeType", "", 400, "The property 'changeType' is required.", "InvalidRequest" },
        { "changeType", "updated,renamed", 400, "'renamed' is not a valid change type: use created, updated and/or deleted, comma-separated.", "InvalidRequest" },
        { "resource", "/directoryRoles", 400, "The resource '/directoryRoles' is not supported for change notifications by the simulator: use /users, /users/{id}, /groups, /groups/{id} or /groups/{id}/members.", "InvalidRequest" },
        { "resource", "groups/33333333-3333-3333-3333-333333333333/members", 404, "Resource '33333333-3333-3333-3333-333333333333' does not exist or one of its queried reference-property objects are not present.", "Request_ResourceNotFound" },
        { "notificationUrl", "http://watchdog.example.net/api/notify", 400, "The notificationUrl 'http://watchdog.example.net/api/notify' must be an absolute https URL.", "InvalidRequest" },
        { "clientState", new string('x', 129), 400, "clientState can be at most 128 characters long.", "InvalidRequest" },
        { "expirationDateTime", "2026-01-30T00:00:01Z", 400, "Subscription expiration can only be 41760 minutes in the future.", "ExtensionError" },
        { "expirationDateTime", "2025-12-31T23:59:59Z", 400, "Subscription expiration must be in the future.", "InvalidRequest" },
        { "latestSupportedTlsVersion", "v2_0", 400, "'v2_0' is not a valid latestSupportedTlsVersion: use v1_0, v1_1, v1_2 or v1_3.", "InvalidRequest" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Invalid_requests_are_refused_before_any_handshake(string property, string value, int status, string message, string code)
    {
        await using var f = await ChangeTrackingFixture.StartAsync();
        var body = f.Body($"/groups/{ExclusionGroupId}");
        body[property] = value;

        var created = await f.Sim.Client.PostJsonAsync("subscriptions", body);

        Assert.Equal(status, (int)created.Status);
        Assert.Equal(message, created.ErrorMessage);
        Assert.Equal(code, created.ErrorCode);
        Assert.Empty(f.Receiver.Received);
    }

    [Theory]
    [InlineData("users")]
    [InlineData("/Users/" + JoeyId)]
    [InlineData("/GROUPS")]
    [InlineData("groups/" + AdminGroupId)]
    public async Task Supported_resources_are_accepted_with_or_without_a_leading_slash_in_any_case(string resource)
    {
        await using var f = await ChangeTrackingFixture.StartAsync();

        var created = await f.Sim.Client.PostJsonAsync("subscriptions", f.Body(resource));

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(resource, created.Body!["resource"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_longest_lifetime_is_exactly_41760_minutes()
    {
        await using var f = await ChangeTrackingFixture.StartAsync();

        var created = await f.Sim.Client.PostJsonAsync("subscriptions", f.Body("/users", TimeSpan.FromMinutes(41760)));

        Assert.Equal(HttpStatusCode.Created, created.Status);
    }

    [Fact]
    public async Task A_subscription_is_listed_read_renewed_reauthorized_and_deleted()
    {
        await using var f = await ChangeTrackingFixture.StartAsync();
        var id = await f.SubscribeAsync("/users");

        var list = await f.Sim.Client.GetJsonAsync("subscriptions");
        var read = await f.Sim.Client.GetJsonAsync($"subscriptions/{id}");
        var renewed = await f.Sim.Client.PatchJsonAsync($"subscriptions/{id}", new JsonObject { ["expirationDateTime"] = f.Expiry(TimeSpan.FromDays(20)) });
        var tooLong = await f.Sim.Client.PatchJsonAsync($"subscriptions/{id}", new JsonObject { ["expirationDateTime"] = f.Expiry(TimeSpan.FromDays(30)) });
        var addLifecycle = await f.Sim.Client.PatchJsonAsync($"subscriptions/{id}", new JsonObject { ["lifecycleNotificationUrl"] = f.LifecycleUrl });
        var reauthorized = await f.Sim.Client.PostJsonAsync($"subscriptions/{id}/reauthorize", null);
        var deleted = await f.Sim.Client.SendJsonAsync(HttpMethod.Delete, $"subscriptions/{id}", null);
        var gone = await f.Sim.Client.GetJsonAsync($"subscriptions/{id}");

        Assert.Equal(id, Assert.Single(list.Value)!["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(HttpStatusCode.OK, renewed.Status);
        Assert.Equal("2026-01-21T00:00:00Z", renewed.Body!["expirationDateTime"]!.GetValue<string>());
        Assert.Equal("ExtensionError", tooLong.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, addLifecycle.Status);
        Assert.Null((await f.Sim.Client.GetJsonAsync($"subscriptions/{id}")).Body!["lifecycleNotificationUrl"]);
        Assert.Equal(HttpStatusCode.NoContent, reauthorized.Status);
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
        Assert.Equal("ResourceNotFound", gone.ErrorCode);
        Assert.Equal("The object was not found.", gone.ErrorMessage);
    }

    [Fact]
    public async Task Unknown_ids_answer_404_in_graphs_envelope()
    {
        await using var f = await ChangeTrackingFixture.StartAsync();
        var unknown = Guid.NewGuid();

        var replies = new[]
        {
            await f.Sim.Client.GetJsonAsync($"subscriptions/{unknown}"),
            await f.Sim.Client.PatchJsonAsync($"subscriptions/{unknown}", new JsonObject { ["expirationDateTime"] = f.Expiry(TimeSpan.FromDays(1)) }),
            await f.Sim.Client.SendJsonAsync(HttpMethod.Delete, "subscriptions/not-a-guid", null),
            await f.Sim.Client.PostJsonAsync($"subscriptions/{unknown}/reauthorize", null),
        };

        Assert.All(replies, r =>
        {
            Assert.Equal(HttpStatusCode.NotFound, r.Status);
            Assert.Equal("ResourceNotFound", r.ErrorCode);
            Assert.NotNull(r.Body!["error"]!["innerError"]!["request-id"]);
        });
    }

    [Fact]
    public async Task A_subscription_past_its_expiry_on_the_simulators_clock_is_gone()
    {
        await using var f = await ChangeTrackingFixture.StartAsync();
        var created = await f.Sim.Client.PostJsonAsync("subscriptions", f.Body("/users", TimeSpan.FromHours(1)));
        var id = created.Body!["id"]!.GetValue<string>();

        f.Time.Advance(TimeSpan.FromMinutes(59));
        var before = await f.Sim.Client.GetJsonAsync($"subscriptions/{id}");
        f.Time.Advance(TimeSpan.FromMinutes(1));
        var after = await f.Sim.Client.GetJsonAsync($"subscriptions/{id}");
        var list = await f.Sim.Client.GetJsonAsync("subscriptions");
        await f.Sim.Changes.UpdateUserAsync(JoeyId, new JsonObject { ["displayName"] = "Joey" });

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(HttpStatusCode.NotFound, after.Status);
        Assert.Empty(list.Value);
        Assert.Empty(f.Receiver.Notifications);
    }
}
