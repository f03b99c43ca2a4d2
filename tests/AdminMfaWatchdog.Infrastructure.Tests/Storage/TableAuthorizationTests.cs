using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AdminMfaWatchdog.Infrastructure.Storage.Tables;
using Azure;

namespace AdminMfaWatchdog.Infrastructure.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableAuthorizationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_connection_string_signs_requests_the_emulator_accepts()
    {
        var service = new TableServiceClient(azurite.ConnectionString, AzuriteFixture.FastRetries());
        var table = service.GetTableClient($"t{Guid.NewGuid():N}");

        await table.CreateIfNotExistsAsync();
        await table.UpsertEntityAsync(new TableEntity("tenant", "row"));

        Assert.True((await table.GetEntityIfExistsAsync("tenant", "row")).HasValue);
    }

    [Fact]
    public async Task A_wrong_account_key_is_a_403_that_does_not_quote_the_key()
    {
        var wrongKey = Convert.ToBase64String(Enumerable.Repeat((byte)7, 64).ToArray());
        var service = new TableServiceClient(
            azurite.TableEndpoint, new TableSharedKeyCredential(TableConnectionString.DevelopmentAccountName, wrongKey), AzuriteFixture.FastRetries());

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => service.CreateTableIfNotExistsAsync("denied"));

        Assert.Equal(403, error.Status);
        Assert.Equal(TableErrorCode.AuthorizationFailure, error.ErrorCode);
        Assert.DoesNotContain(wrongKey, error.ToString());
    }

    [Fact]
    public async Task An_unreachable_service_is_a_request_failure_naming_the_endpoint()
    {
        var closedPort = ClosedLoopbackPort();
        var connectionString =
            $"AccountName=devstoreaccount1;AccountKey={TableConnectionString.DevelopmentAccountKey};TableEndpoint=http://127.0.0.1:{closedPort}/devstoreaccount1";
        var table = new TableServiceClient(connectionString, AzuriteFixture.FastRetries()).GetTableClient("ledger");
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityIfExistsAsync("tenant", "row"));

        Assert.Equal(0, error.Status);
        Assert.Contains($"http://127.0.0.1:{closedPort} could not be reached (2 attempts)", error.Message);
        Assert.DoesNotContain(TableConnectionString.DevelopmentAccountKey, error.ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
