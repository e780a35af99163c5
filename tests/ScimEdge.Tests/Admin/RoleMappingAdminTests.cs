using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Identity.ScimEdge.Tests.Fixtures;
using Identity.TestKit;

namespace Identity.ScimEdge.Tests.Admin;

[Collection(EdgeSuiteCollection.Name)]
public sealed class RoleMappingAdminTests(EdgeSuiteFixture fixture)
{
    private AdminClient Admin => fixture.Admin;

    [Fact]
    public async Task RoleMapping_PutListDelete_RoundTrips()
    {
        var (tenant, _, _) = await Admin.CreateTenantWithTokenAsync();

        var (put, mapping) = await Admin.SendAsync(HttpMethod.Put, $"/admin/tenants/{tenant}/role-mappings",
            new { groupDisplayName = "Engineering", roles = new[] { "developer", "deployer" } });
        var id = mapping!["id"]!.GetValue<string>();
        var (_, listed) = await Admin.SendAsync(HttpMethod.Get, $"/admin/tenants/{tenant}/role-mappings");
        var (deleted, _) = await Admin.SendAsync(HttpMethod.Delete, $"/admin/tenants/{tenant}/role-mappings/{id}");
        var (_, afterDelete) = await Admin.SendAsync(HttpMethod.Get, $"/admin/tenants/{tenant}/role-mappings");
        var (deletedAgain, _) = await Admin.SendAsync(HttpMethod.Delete, $"/admin/tenants/{tenant}/role-mappings/{id}");

        Assert.Equal(HttpStatusCode.OK, put);
        Assert.Equal("Engineering", mapping["groupDisplayName"]!.GetValue<string>());
        var stored = Assert.Single(listed!["mappings"]!.AsArray());
        Assert.Equal(id, stored!["id"]!.GetValue<string>());
        Assert.Equal(["developer", "deployer"], stored["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NoContent, deleted);
        Assert.Empty(afterDelete!["mappings"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, deletedAgain);
    }

    [Theory]
    [InlineData("{\"roles\": [\"a\"]}")]
    [InlineData("{\"groupId\": \"g\", \"groupDisplayName\": \"G\", \"roles\": [\"a\"]}")]
    [InlineData("{\"groupDisplayName\": \"G\", \"roles\": []}")]
    [InlineData("{\"groupDisplayName\": \"G\", \"roles\": [\" \"]}")]
    public async Task RoleMapping_BadBody_Answers400(string json)
    {
        var (tenant, _, _) = await Admin.CreateTenantWithTokenAsync();

        var (status, body) = await Admin.SendAsync(HttpMethod.Put, $"/admin/tenants/{tenant}/role-mappings", json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_request", body!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task RoleMapping_UnknownGroupId_Answers404()
    {
        var (tenant, _, _) = await Admin.CreateTenantWithTokenAsync();

        var (status, _) = await Admin.SendAsync(HttpMethod.Put, $"/admin/tenants/{tenant}/role-mappings", new { groupId = "no-such-group", roles = new[] { "x" } });

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task EffectiveRoles_MemberOfMappedGroup_ShowsTheRoleAndItsSource()
    {
        var (tenant, _, secret) = await Admin.CreateTenantWithTokenAsync();
        var userId = await CreateAsync(secret, "/scim/v2/Users", new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User"),
            ["userName"] = $"dev-{Guid.NewGuid():N}@example.com",
        });
        await CreateAsync(secret, "/scim/v2/Groups", new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:Group"),
            ["displayName"] = "Engineering",
            ["members"] = new JsonArray(new JsonObject { ["value"] = userId }),
        });
        await Admin.SendAsync(HttpMethod.Put, $"/admin/tenants/{tenant}/role-mappings", new { groupDisplayName = "engineering", roles = new[] { "developer" } });

        var (status, body) = await Admin.SendAsync(HttpMethod.Get, $"/admin/tenants/{tenant}/users/{userId}/effective-roles");

        Assert.Equal(HttpStatusCode.OK, status);
        var role = Assert.Single(body!["roles"]!.AsArray());
        Assert.Equal("developer", role!["role"]!.GetValue<string>());
        Assert.Equal("directGroup", role["sources"]![0]!["kind"]!.GetValue<string>());
    }

    private async Task<string> CreateAsync(string secret, string path, JsonObject resource)
    {
        using var content = new StringContent(resource.ToJsonString(), Encoding.UTF8, "application/scim+json");
        using var response = await Admin.ScimAsync(secret, HttpMethod.Post, path, content);
        var text = await response.Content.ReadAsStringAsync().WithTimeout();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!["id"]!.GetValue<string>();
    }
}
