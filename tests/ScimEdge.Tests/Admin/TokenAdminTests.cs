using System.Net;
using Identity.ScimEdge.Tests.Fixtures;
using Identity.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Identity.ScimEdge.Tests.Admin;

[Collection(EdgeSuiteCollection.Name)]
public sealed class TokenAdminTests(EdgeSuiteFixture fixture)
{
    private AdminClient Admin => fixture.Admin;

    [Fact]
    public async Task IssuedToken_AtTheScimEdge_Answers200()
    {
        var (_, _, secret) = await Admin.CreateTenantWithTokenAsync();

        var status = await Admin.ScimStatusAsync(secret);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task ListTokens_ShowsMetadataButNeverTheSecret()
    {
        var (tenant, tokenId, secret) = await Admin.CreateTenantWithTokenAsync();

        var (status, body) = await Admin.SendAsync(HttpMethod.Get, $"/admin/tenants/{tenant}/tokens");

        Assert.Equal(HttpStatusCode.OK, status);
        var token = Assert.Single(body!["tokens"]!.AsArray());
        Assert.Equal(tokenId, token!["tokenId"]!.GetValue<string>());
        Assert.Equal("active", token["status"]!.GetValue<string>());
        Assert.DoesNotContain(secret, body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssueToken_ExpiryInThePast_Answers400()
    {
        var (tenant, _, _) = await Admin.CreateTenantWithTokenAsync();

        var (status, _) = await Admin.SendAsync(HttpMethod.Post, $"/admin/tenants/{tenant}/tokens", new { expiresAt = DateTimeOffset.UtcNow.AddDays(-1) });

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task IssueToken_UnknownTenant_Answers404()
    {
        var (status, _) = await Admin.SendAsync(HttpMethod.Post, $"/admin/tenants/{TestTenant.New()}/tokens", new { description = "x" });

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task RotateToken_WithOverlap_OldAndNewBothWork()
    {
        var (tenant, tokenId, oldSecret) = await Admin.CreateTenantWithTokenAsync();

        var (status, body) = await Admin.SendAsync(HttpMethod.Post, $"/admin/tenants/{tenant}/tokens/{tokenId}/rotate", new { overlapSeconds = 600 });

        Assert.Equal(HttpStatusCode.OK, status);
        var newSecret = body!["secret"]!.GetValue<string>();
        Assert.NotEqual(oldSecret, newSecret);
        Assert.Equal("retiring", body["oldToken"]!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, await Admin.ScimStatusAsync(oldSecret));
        Assert.Equal(HttpStatusCode.OK, await Admin.ScimStatusAsync(newSecret));
    }

    [Fact]
    public async Task RotateToken_OverlapOutOfRange_Answers400()
    {
        var (tenant, tokenId, _) = await Admin.CreateTenantWithTokenAsync();

        var (status, _) = await Admin.SendAsync(HttpMethod.Post, $"/admin/tenants/{tenant}/tokens/{tokenId}/rotate", new { overlapSeconds = -5 });

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task RevokeToken_UnknownToken_Answers404()
    {
        var (tenant, _, _) = await Admin.CreateTenantWithTokenAsync();

        var (status, _) = await Admin.SendAsync(HttpMethod.Delete, $"/admin/tenants/{tenant}/tokens/no-such-token");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task RevokeToken_OnceTheEdgeCacheBoundPasses_Answers401()
    {
        // The edge caches a good token for up to 30 s; a fake clock walks past that bound without waiting.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var edge = await EdgeHost.StartAsync(fixture.Suite, configure: b => b.Services.AddSingleton<TimeProvider>(clock)).WithTimeout();
        var (tenant, tokenId, secret) = await edge.Admin.CreateTenantWithTokenAsync();
        Assert.Equal(HttpStatusCode.OK, await edge.Admin.ScimStatusAsync(secret));

        var (revoked, body) = await edge.Admin.SendAsync(HttpMethod.Delete, $"/admin/tenants/{tenant}/tokens/{tokenId}");
        var withinBound = await edge.Admin.ScimStatusAsync(secret);
        // Directory stamps valid_until on its real clock, so step well past the 30 s bound rather than exactly onto it.
        clock.Advance(TimeSpan.FromMinutes(2));
        var afterBound = await edge.Admin.ScimStatusAsync(secret);

        Assert.Equal(HttpStatusCode.OK, revoked);
        Assert.NotNull(body!["revokedAt"]);
        Assert.Equal(HttpStatusCode.OK, withinBound);
        Assert.Equal(HttpStatusCode.Unauthorized, afterBound);
    }
}
