using System.Net;
using Identity.ScimEdge.Tests.Fixtures;
using Identity.TestKit;

namespace Identity.ScimEdge.Tests.Admin;

/// <summary>The admin API stores only idpProfile names a profile answers to, in their canonical spelling.</summary>
[Collection(EdgeSuiteCollection.Name)]
public sealed class TenantIdpProfileAdminTests(EdgeSuiteFixture fixture)
{
    private AdminClient Admin => fixture.Admin;

    [Theory]
    [InlineData("ping", "ping")]
    [InlineData("Ping", "ping")]
    [InlineData(" jumpcloud ", "jumpcloud")]
    [InlineData("AUTO", "auto")]
    public async Task CreateTenant_KnownProfile_StoresItsCanonicalName(string given, string stored)
    {
        var tenant = TestTenant.New();

        var (status, body) = await Admin.SendAsync(HttpMethod.Post, "/admin/tenants", new { tenantId = tenant, idpProfile = given });

        Assert.True(status == HttpStatusCode.Created, body?.ToJsonString());
        Assert.Equal(stored, body!["idpProfile"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("pingone")]
    [InlineData("pingfederate")]
    [InlineData("no-such-idp")]
    public async Task CreateTenant_UnknownProfile_Answers400NamingTheValidOnes(string given)
    {
        var tenant = TestTenant.New();

        var (status, body) = await Admin.SendAsync(HttpMethod.Post, "/admin/tenants", new { tenantId = tenant, idpProfile = given });
        var (read, _) = await Admin.SendAsync(HttpMethod.Get, $"/admin/tenants/{tenant}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_request", body!["error"]!.GetValue<string>());
        var detail = body["detail"]!.GetValue<string>();
        Assert.Contains(given, detail, StringComparison.Ordinal);
        Assert.Contains("ping", detail, StringComparison.Ordinal);
        Assert.Contains("auto", detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, read);
    }

    [Fact]
    public async Task CreateTenant_EmptyProfile_StoresAuto()
    {
        var tenant = TestTenant.New();

        var (status, body) = await Admin.SendAsync(HttpMethod.Post, "/admin/tenants", new { tenantId = tenant, idpProfile = "" });

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("auto", body!["idpProfile"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchTenant_ToPing_Stored()
    {
        var tenant = TestTenant.New();
        await Admin.SendAsync(HttpMethod.Post, "/admin/tenants", new { tenantId = tenant });

        var (status, body) = await Admin.SendAsync(HttpMethod.Patch, $"/admin/tenants/{tenant}", new { idpProfile = "ping" });
        var (_, stored) = await Admin.SendAsync(HttpMethod.Get, $"/admin/tenants/{tenant}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ping", body!["idpProfile"]!.GetValue<string>());
        Assert.Equal("ping", stored!["idpProfile"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchTenant_UnknownProfile_Answers400AndKeepsTheStoredOne()
    {
        var tenant = TestTenant.New();
        await Admin.SendAsync(HttpMethod.Post, "/admin/tenants", new { tenantId = tenant, idpProfile = "okta", displayName = "Before" });

        var (status, body) = await Admin.SendAsync(HttpMethod.Patch, $"/admin/tenants/{tenant}", new { idpProfile = "okat", displayName = "After" });
        var (_, stored) = await Admin.SendAsync(HttpMethod.Get, $"/admin/tenants/{tenant}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("okat", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("okta", stored!["idpProfile"]!.GetValue<string>());
        Assert.Equal("Before", stored["displayName"]!.GetValue<string>());
    }
}
