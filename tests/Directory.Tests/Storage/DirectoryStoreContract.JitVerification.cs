using Identity.Directory.Auditing;
using Identity.Directory.Storage;
using Identity.Directory.Users;
using Identity.TestKit;

namespace Identity.Directory.Tests.Storage;

/// <summary>
/// JIT adoption by verified identifiers only: someone who JIT-logs in claiming victim@corp
/// (unverified) neither becomes the victim's user nor is adopted when the IdP pushes the victim.
/// </summary>
public abstract partial class DirectoryStoreContract
{
    [SkippableTheory]
    [InlineData("externalId")]
    [InlineData("email")]
    public async Task Create_WithAdoptJitMatch_UnverifiedKey_CreatesANewUserAndLeavesTheJitOne(string key)
    {
        var tenant = TestTenant.New();
        // Everything but the key under test is verified; the key is what the IdP's create matches on.
        var verified = key == "email" ? VerifiedIdentifiers.ExternalId : VerifiedIdentifiers.Email;
        var (jit, _) = await Users.JitUpsertAsync(tenant, new JitProfile("mallory", "victim@corp.example", "EXT-V", null, null, null, verified), Admin,
            CancellationToken.None).WithTimeout();
        var json = key == "email" ? UserJson("victim", email: "victim@corp.example") : UserJson("victim", externalId: "EXT-V");

        var (created, adopted) = await Users.CreateAsync(tenant, json, Admin, adoptJitMatch: true, CancellationToken.None).WithTimeout();

        Assert.False(adopted);
        Assert.NotEqual(jit.Id, created.Id);
        var untouched = await Users.GetAsync(tenant, jit.Id, CancellationToken.None).WithTimeout();
        Assert.Equal((1L, false), (untouched.Version, untouched.IdpManaged));
    }

    [SkippableFact]
    public async Task Adoption_IsAuditedWithTheIdentifierThatMatched()
    {
        var tenant = TestTenant.New();
        var (jit, _) = await Users.JitUpsertAsync(tenant, new JitProfile(null, "pat@corp.example", null, null, null, null, VerifiedIdentifiers.Email), Admin,
            CancellationToken.None).WithTimeout();

        var (adopted, wasAdopted) = await Users.CreateAsync(tenant, UserJson("pat.idp", email: "PAT@corp.example"), Admin, adoptJitMatch: true,
            CancellationToken.None).WithTimeout();

        var trail = await Stores.Events.ReadAsync(tenant, 0, 10, jit.Id, false, CancellationToken.None).WithTimeout();
        Assert.True(wasAdopted);
        Assert.Equal(jit.Id, adopted.Id);
        Assert.Equal(AuditAction.UserAdopted, trail[^1].Audit.Action);
        Assert.Contains("matched on verified PrimaryEmail", trail[^1].Audit.Detail, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task JitUpsert_UnverifiedEmailOfAnIdpUser_NeverAnswersThatUser()
    {
        var tenant = TestTenant.New();
        var victim = await CreateAsync(tenant, UserJson("victim@corp.example", email: "victim@corp.example"));

        // The same email, claimed but not verified: with no userName, it would also be the userName, which is taken.
        var error = await Assert.ThrowsAsync<StoreConflictException>(() => Users.JitUpsertAsync(tenant,
            new JitProfile(null, "victim@corp.example", null, null, null, null), Admin, CancellationToken.None).WithTimeout());
        var (other, created) = await Users.JitUpsertAsync(tenant,
            new JitProfile("mallory", "victim@corp.example", null, null, null, null, VerifiedIdentifiers.UserName), Admin, CancellationToken.None).WithTimeout();

        Assert.Equal(ConflictKind.UserNameTaken, error.Kind);
        Assert.True(created);
        Assert.NotEqual(victim.Id, other.Id);
    }

    [SkippableFact]
    public async Task JitUpsert_VerifiedEmailOfAnIdpUser_AnswersThatUser()
    {
        var tenant = TestTenant.New();
        var scim = await CreateAsync(tenant, UserJson("vera", email: "vera@corp.example"));

        var (user, created) = await Users.JitUpsertAsync(tenant,
            new JitProfile("vera.app", "vera@corp.example", null, null, null, null, VerifiedIdentifiers.Email), Admin, CancellationToken.None).WithTimeout();

        Assert.Equal((false, scim.Id), (created, user.Id));
    }

    [SkippableFact]
    public async Task JitUpsert_RepeatedLoginAddsVerifications_WhichAreStored()
    {
        var tenant = TestTenant.New();
        var (first, _) = await Users.JitUpsertAsync(tenant, new JitProfile("nia", "nia@corp.example", null, null, null, null, VerifiedIdentifiers.UserName), Admin,
            CancellationToken.None).WithTimeout();

        var (again, _) = await Users.JitUpsertAsync(tenant,
            new JitProfile("nia", "nia@corp.example", null, null, null, null, VerifiedIdentifiers.UserName | VerifiedIdentifiers.Email), Admin,
            CancellationToken.None).WithTimeout();
        var stored = await Stores.Users.GetAsync(tenant, first.Id, includeDeleted: false, CancellationToken.None).WithTimeout();

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(VerifiedIdentifiers.UserName | VerifiedIdentifiers.Email, stored!.JitVerified);
    }
}
