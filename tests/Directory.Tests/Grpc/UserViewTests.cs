using Identity.Contracts.Common.V1;
using Identity.Contracts.Directory.V1;
using Identity.Directory.Tests.Storage;
using Identity.TestKit;
using Microsoft.Extensions.Configuration;

namespace Identity.Directory.Tests.Grpc;

/// <summary>USER_VIEW_RESOURCE on the real Directory: resource_json and the stored fields, none of what a second parse derives.</summary>
public sealed class UserViewTests : IAsyncLifetime
{
    private const string Resource =
        """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"lea@example.com","name":{"givenName":"Lea"},"emails":[{"value":"lea@example.com","primary":true}],"roles":[{"value":"pilot"}]}""";

    private DirectoryTestHost? _host;

    private DirectoryService.DirectoryServiceClient Client => _host!.Client;

    public async Task InitializeAsync() => _host = await DirectoryTestHost.StartAsync("view");

    public async Task DisposeAsync() => await _host!.DisposeAsync();

    [Fact]
    public async Task GetUser_ResourceView_LeavesDerivedFieldsEmpty()
    {
        var (tenant, id) = await CreateAsync();

        var full = (await Client.GetUserAsync(new GetUserRequest { TenantId = tenant, UserId = id }).ResponseAsync.WithTimeout()).User;
        var resource = (await Client.GetUserAsync(new GetUserRequest { TenantId = tenant, UserId = id, View = UserView.Resource }).ResponseAsync.WithTimeout()).User;

        Assert.Equal("Lea", full.Name.GivenName);
        Assert.Equal(["pilot"], full.Roles);
        Assert.Equal("lea@example.com", Assert.Single(full.Emails).Value);
        Assert.Null(resource.Name);
        Assert.Empty(resource.Roles);
        Assert.Empty(resource.Emails);
        Assert.Equal(full.ResourceJson, resource.ResourceJson);
        Assert.Equal((full.UserName, full.Version, full.Active), (resource.UserName, resource.Version, resource.Active));
    }

    [Fact]
    public async Task ReplaceUser_ResourceView_AnswersTheStoredWrite()
    {
        var (tenant, id) = await CreateAsync();

        var written = (await Client.ReplaceUserAsync(new ReplaceUserRequest
        {
            TenantId = tenant, UserId = id, ExpectedVersion = 1, View = UserView.Resource,
            ResourceJson = """{"userName":"lea@example.com","displayName":"Lea R","active":false}""",
        }).ResponseAsync.WithTimeout()).User;

        var stored = (await Client.GetUserAsync(new GetUserRequest { TenantId = tenant, UserId = id }).ResponseAsync.WithTimeout()).User;
        Assert.Equal(2, written.Version);
        Assert.False(written.Active);
        Assert.Equal("Lea R", written.DisplayName);
        Assert.Equal(stored.ResourceJson, written.ResourceJson);
        Assert.Empty(written.Emails);
    }

    private async Task<(string Tenant, string Id)> CreateAsync()
    {
        var tenant = TestTenant.New();
        await Client.CreateTenantAsync(new CreateTenantRequest { TenantId = tenant }).ResponseAsync.WithTimeout();
        var created = await Client.CreateUserAsync(new CreateUserRequest
        {
            TenantId = tenant, ResourceJson = Resource, Context = new MutationContext { Actor = "token:t1" },
        }).ResponseAsync.WithTimeout();
        return (tenant, created.User.Id);
    }
}
