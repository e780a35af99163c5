using System.Net;
using Identity.ScimEdge.Tests.Fixtures;
using Identity.TestKit;

namespace Identity.ScimEdge.Tests.Admin;

[Collection(EdgeSuiteCollection.Name)]
public sealed class TenantAdminTests(EdgeSuiteFixture fixture)
{
    private AdminClient Admin => fixture.Admin;

    [Fact]
    public async Task CreateTenant_ThenGet_AnswersTheTenant()
    {
        var tenant = TestTenant.New();

        var (created, body) = await Admin.SendAsync(HttpMethod.Post, "/admin/tenants", new { tenantId = tenant, displayName = "Contoso", idpProfile = "entra" });
        var (read, stored) = await Admin.SendAsync(HttpMethod.Get, $"/admin/tenants/{tenant}");

        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal(tenant, body!["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, read);
        Assert.Equal("Contoso", stored!["displayName"]!.GetValue<string>());
        Assert.Equal("entra", stored["idpProfile"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateTenant_WithoutBody_GeneratesAnId()
    {
        var (created, body) = await Admin.SendAsync(HttpMethod.Post, "/admin/tenants");

        Assert.True(created == HttpStatusCode.Created, body?.ToJsonString());
        Assert.False(string.IsNullOrEmpty(body!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task CreateTenant_SameIdTwice_Answers409()
    {
        var tenant = TestTenant.New();
        await Admin.SendAsync(HttpMethod.Post, "/admin/tenants", new { tenantId = tenant });

        var (status, body) = await Admin.SendAsync(HttpMethod.Post, "/admin/tenants", new { tenantId = tenant });

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("conflict", body!["error"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"tenantId\": ")]
    [InlineData("{\"tenantId\": 42}")]
    [InlineData("{\"tenantId\": \"has spaces and /\"}")]
    [InlineData("[1, 2]")]
    public async Task CreateTenant_BadBody_Answers400WithErrorBody(string json)
    {
        var (status, body) = await Admin.SendAsync(HttpMethod.Post, "/admin/tenants", json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_request", body!["error"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(body["detail"]!.GetValue<string>()));
    }

    [Fact]
    public async Task GetTenant_Unknown_Answers404()
    {
        var (status, body) = await Admin.SendAsync(HttpMethod.Get, $"/admin/tenants/{TestTenant.New()}");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("not_found", body!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchTenant_FieldLeftOut_KeepsItsStoredValue()
    {
        var tenant = TestTenant.New();
        await Admin.SendAsync(HttpMethod.Post, "/admin/tenants", new { tenantId = tenant, displayName = "Before" });
        await Admin.SendAsync(HttpMethod.Patch, $"/admin/tenants/{tenant}", new { idpProfile = "okta", lenientAttributes = true });

        var (status, body) = await Admin.SendAsync(HttpMethod.Patch, $"/admin/tenants/{tenant}", new { displayName = "After" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("After", body!["displayName"]!.GetValue<string>());
        Assert.Equal("okta", body["idpProfile"]!.GetValue<string>());
        Assert.True(body["lenientAttributes"]!.GetValue<bool>());
    }

    [Fact]
    public async Task PatchTenant_Unknown_Answers404()
    {
        var (status, _) = await Admin.SendAsync(HttpMethod.Patch, $"/admin/tenants/{TestTenant.New()}", new { displayName = "x" });

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Audit_AfterTenantChanges_ListsThemWithTheAdminActor()
    {
        var tenant = TestTenant.New();
        await Admin.SendAsync(HttpMethod.Post, "/admin/tenants", new { tenantId = tenant });
        await Admin.SendAsync(HttpMethod.Patch, $"/admin/tenants/{tenant}", new { displayName = "Renamed" });

        var (status, body) = await Admin.SendAsync(HttpMethod.Get, $"/admin/tenants/{tenant}/audit");

        Assert.Equal(HttpStatusCode.OK, status);
        var actions = body!["events"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()).ToList();
        Assert.Contains("TenantCreated", actions);
        Assert.Contains("TenantUpdated", actions);
        Assert.All(body["events"]!.AsArray(), e => Assert.Equal("admin", e!["actor"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Audit_BadPageSize_Answers400()
    {
        var (status, body) = await Admin.SendAsync(HttpMethod.Get, "/admin/tenants/edge-bootstrap/audit?pageSize=lots");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_request", body!["error"]!.GetValue<string>());
    }
}
