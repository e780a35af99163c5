using System.Net;
using Identity.ScimEdge.Tests.Fixtures;
using Identity.TestKit;

namespace Identity.ScimEdge.Tests.Admin;

[Collection(EdgeSuiteCollection.Name)]
public sealed class AdminAuthTests(EdgeSuiteFixture fixture)
{
    [Fact]
    public async Task AdminApi_WithoutKey_Answers401WithErrorBody()
    {
        using var response = await fixture.Http.GetAsync("/admin/tenants/edge-bootstrap").WithTimeout();
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync().WithTimeout());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("unauthorized", body!["error"]!.GetValue<string>());
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AdminApi_WrongKey_Answers401()
    {
        var (status, body) = await fixture.Admin.SendAsync(HttpMethod.Get, "/admin/tenants/edge-bootstrap", key: EdgeSuiteFixture.AdminKey + "x");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("unauthorized", body!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task AdminApi_TenantScimToken_Answers401()
    {
        var (status, _) = await fixture.Admin.SendAsync(HttpMethod.Get, "/admin/tenants/edge-bootstrap", key: fixture.Suite.BootstrapToken);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task AdminApi_KeyInXAdminKeyHeader_IsAccepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/tenants/edge-bootstrap");
        request.Headers.Add("X-Admin-Key", EdgeSuiteFixture.AdminKey);

        using var response = await fixture.Http.SendAsync(request).WithTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AdminApi_NoKeyConfigured_Answers404EvenWithAKey()
    {
        await using var edge = await EdgeHost.StartAsync(fixture.Suite, new Dictionary<string, string?> { ["Admin:ApiKey"] = "" }).WithTimeout();

        var (status, body) = await edge.Admin.SendAsync(HttpMethod.Get, "/admin/tenants/edge-bootstrap", key: EdgeSuiteFixture.AdminKey);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("not_found", body!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task AdminApi_UnknownPath_Answers404AfterAuthentication()
    {
        var (status, body) = await fixture.Admin.SendAsync(HttpMethod.Get, "/admin/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("not_found", body!["error"]!.GetValue<string>());
    }
}
