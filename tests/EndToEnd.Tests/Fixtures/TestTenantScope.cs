using System.Net.Http.Headers;
using Grpc.Net.Client;
using Identity.Contracts.Directory.V1;
using Identity.Contracts.GroupRole.V1;
using Identity.Contracts.Revocation.V1;
using Identity.TestKit;

namespace Identity.EndToEnd.Tests.Fixtures;

/// <summary>A fresh tenant with its own SCIM token, and gRPC clients to every service, for one test.</summary>
public sealed class TestTenantScope : IDisposable
{
    private readonly GrpcChannel _directory;
    private readonly GrpcChannel _groupRole;
    private readonly GrpcChannel _revocation;

    private TestTenantScope(SuiteFixture fixture, string tenantId, string token)
    {
        TenantId = tenantId;
        Token = token;
        _directory = GrpcChannel.ForAddress(fixture.Suite.DirectoryUri);
        _groupRole = GrpcChannel.ForAddress(fixture.Suite.GroupRoleUri);
        _revocation = GrpcChannel.ForAddress(fixture.Suite.RevocationUri);
        Scim = new HttpClient { BaseAddress = fixture.Suite.ScimUri, Timeout = TimeSpan.FromSeconds(60) };
        Scim.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public string TenantId { get; }

    public string Token { get; }

    /// <summary>An HTTP client on the edge that sends this tenant's token.</summary>
    public HttpClient Scim { get; }

    public DirectoryService.DirectoryServiceClient Directory => new(_directory);

    public GroupRoleService.GroupRoleServiceClient GroupRole => new(_groupRole);

    public RevocationService.RevocationServiceClient Revocation => new(_revocation);

    public static async Task<TestTenantScope> CreateAsync(SuiteFixture fixture)
    {
        var tenant = TestTenant.New();
        using var channel = GrpcChannel.ForAddress(fixture.Suite.DirectoryUri);
        var directory = new DirectoryService.DirectoryServiceClient(channel);
        await directory.CreateTenantAsync(new CreateTenantRequest { TenantId = tenant }).ResponseAsync.WithTimeout();
        var issued = await directory.IssueTokenAsync(new IssueTokenRequest { TenantId = tenant, Description = "test" }).ResponseAsync.WithTimeout();
        return new TestTenantScope(fixture, tenant, issued.Secret);
    }

    public void Dispose()
    {
        Scim.Dispose();
        _directory.Dispose();
        _groupRole.Dispose();
        _revocation.Dispose();
    }
}
