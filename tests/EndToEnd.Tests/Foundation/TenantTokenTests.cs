using System.Net;
using System.Net.Http.Headers;
using Grpc.Core;
using Grpc.Net.Client;
using Identity.Contracts.Directory.V1;
using Identity.EndToEnd.Tests.Fixtures;
using Identity.TestKit;

namespace Identity.EndToEnd.Tests.Foundation;

[Collection(SuiteCollection.Name)]
public sealed class TenantTokenTests(SuiteFixture fixture) : IDisposable
{
    private readonly GrpcChannel _channel = GrpcChannel.ForAddress(fixture.Suite.DirectoryUri);

    private DirectoryService.DirectoryServiceClient Directory => new(_channel);

    public void Dispose() => _channel.Dispose();

    private async Task<HttpStatusCode> ScimStatusAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/scim/v2/ServiceProviderConfig");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await fixture.Scim.SendAsync(request).WithTimeout();
        return response.StatusCode;
    }

    [Fact]
    public async Task IssueToken_ThenAuthenticate_AnswersTenantAndTokenId()
    {
        var tenant = TestTenant.New();
        await Directory.CreateTenantAsync(new CreateTenantRequest { TenantId = tenant }).ResponseAsync.WithTimeout();

        var issued = await Directory.IssueTokenAsync(new IssueTokenRequest { TenantId = tenant, Description = "okta" }).ResponseAsync.WithTimeout();
        var answer = await Directory.AuthenticateTokenAsync(new AuthenticateTokenRequest { Secret = issued.Secret }).ResponseAsync.WithTimeout();

        Assert.Equal(tenant, answer.TenantId);
        Assert.Equal(issued.Token.TokenId, answer.TokenId);
        Assert.StartsWith("idt_", issued.Secret, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListTokens_NeverReturnsTheSecret()
    {
        var tenant = TestTenant.New();
        await Directory.CreateTenantAsync(new CreateTenantRequest { TenantId = tenant }).ResponseAsync.WithTimeout();
        var issued = await Directory.IssueTokenAsync(new IssueTokenRequest { TenantId = tenant }).ResponseAsync.WithTimeout();

        var listed = await Directory.ListTokensAsync(new ListTokensRequest { TenantId = tenant }).ResponseAsync.WithTimeout();

        var token = Assert.Single(listed.Tokens);
        Assert.Equal(issued.Token.TokenId, token.TokenId);
        Assert.DoesNotContain(issued.Secret, listed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokeToken_ThenAuthenticate_FailsUnauthenticated()
    {
        var tenant = TestTenant.New();
        await Directory.CreateTenantAsync(new CreateTenantRequest { TenantId = tenant }).ResponseAsync.WithTimeout();
        var issued = await Directory.IssueTokenAsync(new IssueTokenRequest { TenantId = tenant }).ResponseAsync.WithTimeout();

        await Directory.RevokeTokenAsync(new RevokeTokenRequest { TenantId = tenant, TokenId = issued.Token.TokenId }).ResponseAsync.WithTimeout();
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Directory.AuthenticateTokenAsync(new AuthenticateTokenRequest { Secret = issued.Secret }).ResponseAsync.WithTimeout());

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task IssuedToken_AtTheEdge_OpensOnlyItsTenant()
    {
        var tenant = TestTenant.New();
        await Directory.CreateTenantAsync(new CreateTenantRequest { TenantId = tenant }).ResponseAsync.WithTimeout();
        var issued = await Directory.IssueTokenAsync(new IssueTokenRequest { TenantId = tenant }).ResponseAsync.WithTimeout();

        var status = await ScimStatusAsync(issued.Secret);
        using var foreign = new HttpRequestMessage(HttpMethod.Get, $"/tenants/{fixture.Suite.BootstrapTenant}/scim/v2/ServiceProviderConfig");
        foreign.Headers.Authorization = new AuthenticationHeaderValue("Bearer", issued.Secret);
        using var foreignResponse = await fixture.Scim.SendAsync(foreign).WithTimeout();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.Unauthorized, foreignResponse.StatusCode);
    }

    [Fact]
    public async Task CreateTenant_InvalidId_FailsInvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Directory.CreateTenantAsync(new CreateTenantRequest { TenantId = "bad id/with slash" }).ResponseAsync.WithTimeout());

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task CreateTenant_Twice_SecondIsAlreadyExistsUnlessIfNotExists()
    {
        var tenant = TestTenant.New();
        await Directory.CreateTenantAsync(new CreateTenantRequest { TenantId = tenant }).ResponseAsync.WithTimeout();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Directory.CreateTenantAsync(new CreateTenantRequest { TenantId = tenant }).ResponseAsync.WithTimeout());
        var again = await Directory.CreateTenantAsync(new CreateTenantRequest { TenantId = tenant, IfNotExists = true }).ResponseAsync.WithTimeout();

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.False(again.Created);
        Assert.Equal(tenant, again.Tenant.Id);
    }
}
