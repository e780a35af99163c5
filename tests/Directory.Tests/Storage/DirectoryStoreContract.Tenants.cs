using Identity.Directory.Auditing;
using Identity.Directory.Tenancy;
using Identity.TestKit;

namespace Identity.Directory.Tests.Storage;

public abstract partial class DirectoryStoreContract
{
    private TokenService Tokens => new(Stores.Tenants, Time);

    private async Task<string> NewTenantAsync()
    {
        var id = TestTenant.New();
        var audit = new AuditEntry(id, Time.GetUtcNow(), "admin", AuditAction.TenantCreated, "Tenant", id, 0, 0, "", "");
        await Stores.Tenants.CreateTenantAsync(new TenantRecord(id, "Acme", Time.GetUtcNow(), "auto", false), audit, CancellationToken.None).WithTimeout();
        return id;
    }

    [SkippableFact]
    public async Task CreateTenant_Twice_SecondReportsExisting()
    {
        var id = await NewTenantAsync();
        var audit = new AuditEntry(id, Time.GetUtcNow(), "admin", AuditAction.TenantCreated, "Tenant", id, 0, 0, "", "");

        var (tenant, created) = await Stores.Tenants.CreateTenantAsync(new TenantRecord(id, "Other", Time.GetUtcNow(), "okta", false), audit,
            CancellationToken.None).WithTimeout();

        Assert.Equal((false, "Acme"), (created, tenant.DisplayName));
        Assert.Single(await Stores.Events.ReadAsync(id, 0, 10, null, false, CancellationToken.None).WithTimeout());
    }

    [SkippableFact]
    public async Task IssueToken_StoresOnlyTheHashAndAuthenticates()
    {
        var tenant = await NewTenantAsync();

        var (token, secret) = await Tokens.IssueAsync(tenant, "okta", null, null, Admin, CancellationToken.None).WithTimeout();

        var stored = await Stores.Tenants.GetTokenAsync(tenant, token.TokenId, CancellationToken.None).WithTimeout();
        var authenticated = await Tokens.AuthenticateAsync(secret, CancellationToken.None).WithTimeout();
        Assert.Equal(TokenService.Hash(secret), stored!.SecretHash);
        Assert.Equal((tenant, token.TokenId), (authenticated!.TenantId, authenticated.TokenId));
        Assert.Null(await Tokens.AuthenticateAsync(secret + "x", CancellationToken.None).WithTimeout());
    }

    [SkippableFact]
    public async Task RevokeToken_StopsAuthenticationAndIsAudited()
    {
        var tenant = await NewTenantAsync();
        var (token, secret) = await Tokens.IssueAsync(tenant, "okta", null, null, Admin, CancellationToken.None).WithTimeout();

        await Tokens.RevokeAsync(tenant, token.TokenId, Time.GetUtcNow(), Admin, CancellationToken.None).WithTimeout();

        Assert.Null(await Tokens.AuthenticateAsync(secret, CancellationToken.None).WithTimeout());
        var trail = await Stores.Events.ReadAsync(tenant, 0, 10, null, false, CancellationToken.None).WithTimeout();
        Assert.Equal([AuditAction.TenantCreated, AuditAction.TokenIssued, AuditAction.TokenRevoked], trail.Select(e => e.Audit.Action));
    }

    [SkippableFact]
    public async Task RotateToken_OldWorksUntilOverlapEndsAndNewWorksAfter()
    {
        var tenant = await NewTenantAsync();
        var (old, oldSecret) = await Tokens.IssueAsync(tenant, "entra", null, null, Admin, CancellationToken.None).WithTimeout();

        var (fresh, freshSecret, retired) = await Tokens.RotateAsync(old, TimeSpan.FromMinutes(10), Admin, CancellationToken.None).WithTimeout();

        Assert.Equal(Time.GetUtcNow().AddMinutes(10), retired!.Revoked);
        Assert.NotNull(await Tokens.AuthenticateAsync(oldSecret, CancellationToken.None).WithTimeout());
        Time.Advance(TimeSpan.FromMinutes(11));
        Assert.Null(await Tokens.AuthenticateAsync(oldSecret, CancellationToken.None).WithTimeout());
        Assert.Equal(fresh.TokenId, (await Tokens.AuthenticateAsync(freshSecret, CancellationToken.None).WithTimeout())!.TokenId);
    }

    [SkippableFact]
    public async Task RevokeToken_Twice_KeepsTheEarlierRevocation()
    {
        var tenant = await NewTenantAsync();
        var (token, _) = await Tokens.IssueAsync(tenant, "x", null, null, Admin, CancellationToken.None).WithTimeout();
        var first = Time.GetUtcNow();
        await Tokens.RevokeAsync(tenant, token.TokenId, first, Admin, CancellationToken.None).WithTimeout();
        Time.Advance(TimeSpan.FromHours(1));

        var again = await Tokens.RevokeAsync(tenant, token.TokenId, Time.GetUtcNow(), Admin, CancellationToken.None).WithTimeout();

        Assert.Equal(first, again!.Revoked);
    }
}
