using System.Net;
using Identity.ScimEdge.Tests.Fixtures;

namespace Identity.ScimEdge.Tests.ProvisioningLog;

[Collection(EdgeSuiteCollection.Name)]
public sealed class ProvisioningLogTests(EdgeSuiteFixture fixture)
{
    private AdminClient Admin => fixture.Admin;

    [Fact]
    public async Task FailedScimRequest_IsRecordedWithScimTypeAndWithoutPersonalData()
    {
        var (tenant, _, secret) = await Admin.CreateTenantWithTokenAsync();
        var filter = Uri.EscapeDataString("userName eq \"alice@example.com\" and (");
        using var failed = await Admin.ScimAsync(secret, HttpMethod.Get, $"/scim/v2/Users?filter={filter}&count=5");

        var (status, body) = await Admin.SendAsync(HttpMethod.Get, $"/admin/tenants/{tenant}/provisioning-log?status=4xx");

        Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status);
        var entry = Assert.Single(body!["entries"]!.AsArray())!;
        Assert.Equal(400, entry["status"]!.GetValue<int>());
        Assert.Equal("invalidFilter", entry["scimType"]!.GetValue<string>());
        Assert.Equal("GET", entry["method"]!.GetValue<string>());
        Assert.Equal("/scim/v2/Users", entry["path"]!.GetValue<string>());
        Assert.Equal("filter=userName eq \"…\" and (&count", entry["query"]!.GetValue<string>());
        Assert.Equal("Users", entry["resourceType"]!.GetValue<string>());
        Assert.StartsWith("EdgeTests/1.0", entry["userAgent"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("auto", entry["idpProfile"]!.GetValue<string>());
        var json = body.ToJsonString();
        Assert.DoesNotContain("alice", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(secret, json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuccessfulCreate_IsRecordedWithTheNewResourceId()
    {
        var (tenant, _, secret) = await Admin.CreateTenantWithTokenAsync();
        using var content = new StringContent(
            $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bob-{{Guid.NewGuid():N}}@example.com"}""",
            System.Text.Encoding.UTF8, "application/scim+json");
        using var created = await Admin.ScimAsync(secret, HttpMethod.Post, "/scim/v2/Users", content);
        var id = System.Text.Json.Nodes.JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();

        var (_, body) = await Admin.SendAsync(HttpMethod.Get, $"/admin/tenants/{tenant}/provisioning-log?status=201");

        var entry = Assert.Single(body!["entries"]!.AsArray())!;
        Assert.Equal(id, entry["resourceId"]!.GetValue<string>());
        Assert.DoesNotContain("bob-", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnauthenticatedRequest_IsNotRecordedUnderAnyTenant()
    {
        var (tenant, _, _) = await Admin.CreateTenantWithTokenAsync();
        await Admin.ScimStatusAsync("not-a-token-of-anyone-0123456789", $"/tenants/{tenant}/scim/v2/Users");

        var (_, body) = await Admin.SendAsync(HttpMethod.Get, $"/admin/tenants/{tenant}/provisioning-log");

        Assert.Empty(body!["entries"]!.AsArray());
    }

    [Theory]
    [InlineData("status=teapot")]
    [InlineData("limit=0")]
    [InlineData("since=yesterday")]
    public async Task ProvisioningLog_BadQuery_Answers400(string query)
    {
        var (status, body) = await Admin.SendAsync(HttpMethod.Get, $"/admin/tenants/edge-bootstrap/provisioning-log?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_request", body!["error"]!.GetValue<string>());
    }
}
