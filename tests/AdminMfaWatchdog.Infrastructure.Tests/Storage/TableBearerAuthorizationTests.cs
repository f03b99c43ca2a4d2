using System.Net;
using AdminMfaWatchdog.Infrastructure.Storage.Tables;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AdminMfaWatchdog.Infrastructure.Tests.Storage;

// Azurite accepts bearer tokens only over https with --oauth, so the token path is checked at the wire instead.
public sealed class TableBearerAuthorizationTests
{
    [Fact]
    public async Task A_token_credential_sends_a_storage_scoped_bearer_token_with_date_and_version()
    {
        var credential = new FixedTokenCredential();
        var wire = new RecordingHandler();
        var options = new TableClientOptions { Transport = new HttpClientTransport(wire) };
        var service = new TableServiceClient(new Uri("https://watchdog.table.core.windows.net/"), credential, options);

        await service.CreateTableIfNotExistsAsync("ledger");

        var request = Assert.Single(wire.Requests);
        Assert.Equal("https://watchdog.table.core.windows.net/Tables", request.RequestUri!.AbsoluteUri);
        Assert.Equal("Bearer", request.Headers.Authorization!.Scheme);
        Assert.Equal(FixedTokenCredential.Token, request.Headers.Authorization.Parameter);
        Assert.Equal("2019-02-02", Assert.Single(request.Headers.GetValues("x-ms-version")));
        Assert.True(request.Headers.Contains("x-ms-date"));
        Assert.Equal(["https://storage.azure.com/.default"], credential.RequestedScopes);
    }

    private sealed class FixedTokenCredential : TokenCredential
    {
        public const string Token = "test-token";

        public string[] RequestedScopes { get; private set; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            RequestedScopes = requestContext.Scopes;
            return new AccessToken(Token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public List<HttpRequestMessage> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent));
        }
    }
}
