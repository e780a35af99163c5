using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Grpc.Net.Client;
using Identity.Contracts.Directory.V1;
using Identity.ScimEdge.Tests.Fixtures;
using Identity.TestKit;

namespace Identity.ScimEdge.Tests.Endpoints.Users;

/// <summary>
/// Through the edge: an IdP's POST /Users adopts an application's JIT user only through an
/// identifier the application verified at login; a JIT user that merely claimed the email stays apart.
/// </summary>
[Collection(EdgeSuiteCollection.Name)]
public sealed class JitAdoptionTests(EdgeSuiteFixture fixture)
{
    private static StringContent User(string userName, string email) => new(
        $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{userName}}","emails":[{"value":"{{email}}","primary":true}]}""",
        Encoding.UTF8, "application/scim+json");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ScimCreate_AdoptsTheJitUserOnlyWhenItsEmailWasVerified(bool emailVerified)
    {
        var (tenant, _, token) = await fixture.Admin.CreateTenantWithTokenAsync();
        using var channel = GrpcChannel.ForAddress(fixture.Suite.DirectoryUri);
        var request = new JitUpsertUserRequest { TenantId = tenant, UserName = "jit.login", Email = "victim@corp.example" };
        if (emailVerified)
        {
            request.VerifiedIdentifiers.Add(JitIdentifier.Email);
        }
        var jit = (await new DirectoryService.DirectoryServiceClient(channel).JitUpsertUserAsync(request).ResponseAsync.WithTimeout()).User;

        using var created = await fixture.Admin.ScimAsync(token, HttpMethod.Post, "/scim/v2/Users", User("victim", "victim@corp.example"));

        var body = JsonNode.Parse(await created.Content.ReadAsStringAsync().WithTimeout())!;
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(emailVerified, body["id"]!.GetValue<string>() == jit.Id);
    }
}
