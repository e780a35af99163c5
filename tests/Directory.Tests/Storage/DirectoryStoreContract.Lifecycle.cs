using Identity.Directory.Auditing;
using Identity.Directory.Storage;
using Identity.Directory.Users;
using Identity.TestKit;

namespace Identity.Directory.Tests.Storage;

public abstract partial class DirectoryStoreContract
{
    [SkippableFact]
    public async Task Delete_User_HiddenFromEveryReadButListedForAdministrators()
    {
        var tenant = TestTenant.New();
        var user = await CreateAsync(tenant, UserJson("oscar", externalId: "o-1", email: "oscar@example.com"));

        var version = await Users.DeleteAsync(tenant, user.Id, 1, Admin, CancellationToken.None).WithTimeout();

        Assert.Equal(1L, version);
        await Assert.ThrowsAsync<DirectoryException>(() => Users.GetAsync(tenant, user.Id, CancellationToken.None));
        Assert.Empty(await Stores.Users.FindAsync(tenant, UserKey.Email, "oscar@example.com", CancellationToken.None).WithTimeout());
        var live = await Listing.ListAsync(new ListRequest(tenant, "", "", false, 1, 0, "", false, false), CancellationToken.None).WithTimeout();
        var all = await Listing.ListAsync(new ListRequest(tenant, "", "", false, 1, 0, "", true, false), CancellationToken.None).WithTimeout();
        Assert.Equal(0, live.TotalResults);
        Assert.Equal((1, Time.GetUtcNow()), (all.TotalResults, all.Users[0].Deleted));
    }

    [SkippableFact]
    public async Task FindAny_SeveralKeys_ReturnsEachMatchOnceInCreationOrder()
    {
        var tenant = TestTenant.New();
        var first = await CreateAsync(tenant, UserJson("uma", externalId: "E-1", email: "uma@example.com"));
        var second = await CreateAsync(tenant, UserJson("vic", externalId: "e-2", email: "Shared@Example.com"));
        await CreateAsync(tenant, UserJson("wes", externalId: "E-3"));

        var found = await Stores.Users.FindAnyAsync(tenant,
            [(UserKey.ExternalId, "e-1"), (UserKey.UserName, "VIC"), (UserKey.PrimaryEmail, "shared@example.com"), (UserKey.UserName, "uma")],
            CancellationToken.None).WithTimeout();
        var none = await Stores.Users.FindAnyAsync(TestTenant.New(), [(UserKey.UserName, "uma")], CancellationToken.None).WithTimeout();

        Assert.Equal([first.Id, second.Id], found.Select(u => u.Id));
        Assert.Empty(none);
    }

    [SkippableFact]
    public async Task FindAny_SameValueUnderOtherKeysOrOrders_MatchesByTheKeysGiven()
    {
        var tenant = TestTenant.New();
        var alpha = await CreateAsync(tenant, UserJson("alpha", externalId: "beta"));
        var beta = await CreateAsync(tenant, UserJson("beta", externalId: "gamma"));

        // The SQLite store reuses the statement text of a key list: each list must still ask what it says.
        var byName = await Stores.Users.FindAnyAsync(tenant, [(UserKey.UserName, "beta")], CancellationToken.None).WithTimeout();
        var byExternalId = await Stores.Users.FindAnyAsync(tenant, [(UserKey.ExternalId, "beta")], CancellationToken.None).WithTimeout();
        var nameThenExternal = await Stores.Users.FindAnyAsync(tenant,
            [(UserKey.UserName, "beta"), (UserKey.ExternalId, "beta")], CancellationToken.None).WithTimeout();
        var externalThenName = await Stores.Users.FindAnyAsync(tenant,
            [(UserKey.ExternalId, "gamma"), (UserKey.UserName, "alpha")], CancellationToken.None).WithTimeout();
        var manyKeys = await Stores.Users.FindAnyAsync(tenant,
            [.. Enumerable.Range(0, 9).Select(i => (UserKey.Email, $"nobody{i}@example.com")), (UserKey.UserName, "alpha")],
            CancellationToken.None).WithTimeout();

        Assert.Equal([beta.Id], byName.Select(u => u.Id));
        Assert.Equal([alpha.Id], byExternalId.Select(u => u.Id));
        Assert.Equal([alpha.Id, beta.Id], nameThenExternal.Select(u => u.Id));
        Assert.Equal([alpha.Id, beta.Id], externalThenName.Select(u => u.Id));
        Assert.Equal([alpha.Id], manyKeys.Select(u => u.Id));
    }

    [SkippableFact]
    public async Task Delete_ThenCreateSameUserName_CreatesANewUser()
    {
        var tenant = TestTenant.New();
        var first = await CreateAsync(tenant, UserJson("peggy"));
        await Users.DeleteAsync(tenant, first.Id, 0, Admin, CancellationToken.None).WithTimeout();

        var second = await CreateAsync(tenant, UserJson("PEGGY"));

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(second.Id, (await Users.LookupAsync(tenant, UserKey.UserName, "peggy", CancellationToken.None).WithTimeout()).Id);
    }

    [SkippableFact]
    public async Task Delete_AtStaleVersion_FailsAndKeepsTheUser()
    {
        var tenant = TestTenant.New();
        var user = await CreateAsync(tenant, UserJson("quentin"));

        var error = await Assert.ThrowsAsync<DirectoryException>(() => Users.DeleteAsync(tenant, user.Id, 7, Admin, CancellationToken.None));

        Assert.Equal(DirectoryFailure.VersionMismatch, error.Failure);
        Assert.Equal(1L, (await Users.GetAsync(tenant, user.Id, CancellationToken.None).WithTimeout()).Version);
    }

    [SkippableFact]
    public async Task JitUpsert_NewPerson_CreatesJitUserOnce()
    {
        var tenant = TestTenant.New();
        var profile = new JitProfile("rupert", "rupert@example.com", null, "Rupert", "Rupert", "R", VerifiedIdentifiers.UserName);

        var (first, created) = await Users.JitUpsertAsync(tenant, profile, new Mutation("app:portal", ""), CancellationToken.None).WithTimeout();
        var (again, createdAgain) = await Users.JitUpsertAsync(tenant, profile, new Mutation("app:portal", ""), CancellationToken.None).WithTimeout();

        Assert.Equal((true, false), (created, createdAgain));
        Assert.Equal((first.Id, 1L, UserOrigin.Jit, false), (again.Id, again.Version, again.Origin, again.IdpManaged));
    }

    [SkippableFact]
    public async Task HasAdoptableJitUsers_OnlyWhileALiveJitUserNoIdpManages()
    {
        var tenant = TestTenant.New();
        var other = TestTenant.New();
        await CreateAsync(tenant, UserJson("scim.only"));
        var empty = await Stores.Users.HasAdoptableJitUsersAsync(tenant, CancellationToken.None).WithTimeout();

        var (jit, _) = await Users.JitUpsertAsync(tenant, new JitProfile("tess", "tess@example.com", null, null, null, null, VerifiedIdentifiers.UserName), Admin,
            CancellationToken.None).WithTimeout();
        var withJit = await Stores.Users.HasAdoptableJitUsersAsync(tenant, CancellationToken.None).WithTimeout();
        var otherTenant = await Stores.Users.HasAdoptableJitUsersAsync(other, CancellationToken.None).WithTimeout();
        await Users.CreateAsync(tenant, UserJson("tess"), Admin, adoptJitMatch: true, CancellationToken.None).WithTimeout();
        var afterAdoption = await Stores.Users.HasAdoptableJitUsersAsync(tenant, CancellationToken.None).WithTimeout();

        var (second, _) = await Users.JitUpsertAsync(tenant, new JitProfile("uri", "uri@example.com", null, null, null, null), Admin,
            CancellationToken.None).WithTimeout();
        await Users.DeleteAsync(tenant, second.Id, 0, Admin, CancellationToken.None).WithTimeout();
        var afterDelete = await Stores.Users.HasAdoptableJitUsersAsync(tenant, CancellationToken.None).WithTimeout();

        Assert.Equal((false, true, false, false, false), (empty, withJit, otherTenant, afterAdoption, afterDelete));
        Assert.True((await Users.GetAsync(tenant, jit.Id, CancellationToken.None).WithTimeout()).IdpManaged);
    }

    [SkippableTheory]
    [InlineData("externalId")]
    [InlineData("userName")]
    [InlineData("email")]
    public async Task Create_WithAdoptJitMatch_AdoptsTheJitUserByEachKey(string key)
    {
        var tenant = TestTenant.New();
        var (jit, _) = await Users.JitUpsertAsync(tenant, new JitProfile("sybil", "Sybil@Example.com", "EXT-9", null, null, null, Verified: VerifiedIdentifiers.ExternalId | VerifiedIdentifiers.UserName | VerifiedIdentifiers.Email), Admin,
            CancellationToken.None).WithTimeout();
        var json = key switch
        {
            "externalId" => UserJson("sybil.new", externalId: "ext-9"),
            "userName" => UserJson("SYBIL"),
            _ => UserJson("sybil.other", email: "sybil@example.com"),
        };

        var (adopted, wasAdopted) = await Users.CreateAsync(tenant, json, new Mutation("token:t1", "r-9"), adoptJitMatch: true, CancellationToken.None).WithTimeout();

        Assert.True(wasAdopted);
        Assert.Equal((jit.Id, 2L, true, UserOrigin.Jit), (adopted.Id, adopted.Version, adopted.IdpManaged, adopted.Origin));
        var trail = await Stores.Events.ReadAsync(tenant, 0, 10, jit.Id, false, CancellationToken.None).WithTimeout();
        Assert.Equal([AuditAction.UserJitCreated, AuditAction.UserAdopted], trail.Select(e => e.Audit.Action));
        Assert.Equal(UserChangeType.Adopted, trail[^1].Change);
    }

    [SkippableFact]
    public async Task Create_WithAdoptJitMatch_NonJitUserWithSameUserName_FailsWithUserNameTaken()
    {
        var tenant = TestTenant.New();
        await CreateAsync(tenant, UserJson("trent"));

        var error = await Assert.ThrowsAsync<StoreConflictException>(
            () => Users.CreateAsync(tenant, UserJson("Trent"), Admin, adoptJitMatch: true, CancellationToken.None).WithTimeout());

        Assert.Equal(ConflictKind.UserNameTaken, error.Kind);
    }

    [SkippableFact]
    public async Task JitUpsert_IdpManagedUser_IsLeftAsTheIdpWroteIt()
    {
        var tenant = TestTenant.New();
        var scim = await CreateAsync(tenant, UserJson("uma", displayName: "Uma from IdP"));

        var (user, created) = await Users.JitUpsertAsync(tenant, new JitProfile("uma", null, null, "Uma from app", null, null, VerifiedIdentifiers.UserName), Admin,
            CancellationToken.None).WithTimeout();

        Assert.Equal((false, scim.Id, 1L, "Uma from IdP"), (created, user.Id, user.Version, user.DisplayName));
    }

    [SkippableFact]
    public async Task EveryMutation_AppendsOneAuditEventWithVersionsActorAndRequest()
    {
        var tenant = TestTenant.New();
        var user = await CreateAsync(tenant, UserJson("victor", active: true));
        await Users.ReplaceAsync(tenant, user.Id, UserJson("victor", active: false), 1, new Mutation("token:t2", "r-2"), CancellationToken.None).WithTimeout();
        await Users.ReplaceAsync(tenant, user.Id, UserJson("victor", active: true), 2, Admin, CancellationToken.None).WithTimeout();
        await Users.DeleteAsync(tenant, user.Id, 3, Admin, CancellationToken.None).WithTimeout();

        var trail = await Stores.Events.ReadAsync(tenant, 0, 100, null, false, CancellationToken.None).WithTimeout();

        Assert.Equal([1L, 2L, 3L, 4L], trail.Select(e => e.Sequence));
        Assert.Equal([(0L, 1L), (1L, 2L), (2L, 3L), (3L, 4L)], trail.Select(e => (e.Audit.VersionBefore, e.Audit.VersionAfter)));
        Assert.Equal([UserChangeType.Created, UserChangeType.Deactivated, UserChangeType.Reactivated, UserChangeType.Deleted], trail.Select(e => e.Change));
        Assert.Equal(("token:t2", "r-2"), (trail[1].Audit.Actor, trail[1].Audit.RequestId));
        Assert.Equal(2L, trail[1].User!.Version);
        Assert.Equal(4L, await Stores.Events.LastSequenceAsync(tenant, CancellationToken.None).WithTimeout());
    }

    [SkippableFact]
    public async Task FailedWrite_AppendsNoAuditEvent()
    {
        var tenant = TestTenant.New();
        var user = await CreateAsync(tenant, UserJson("walter"));
        await Assert.ThrowsAsync<StoreConflictException>(() => CreateAsync(tenant, UserJson("WALTER")));
        await Assert.ThrowsAsync<DirectoryException>(() => Users.ReplaceAsync(tenant, user.Id, UserJson("walter"), 5, Admin, CancellationToken.None));

        var trail = await Stores.Events.ReadAsync(tenant, 0, 100, null, false, CancellationToken.None).WithTimeout();

        Assert.Equal([AuditAction.UserCreated], trail.Select(e => e.Audit.Action));
    }

    [SkippableFact]
    public async Task EventLog_ReadAfterPosition_ReturnsOnlyLaterUserChanges()
    {
        var tenant = TestTenant.New();
        await CreateAsync(tenant, UserJson("xena"));
        await CreateAsync(tenant, UserJson("yuri"));
        await CreateAsync(tenant, UserJson("zoe"));

        var later = await Stores.Events.ReadAsync(tenant, 1, 100, null, true, CancellationToken.None).WithTimeout();

        Assert.Equal(["yuri", "zoe"], later.Select(e => e.User!.UserName));
    }
}
