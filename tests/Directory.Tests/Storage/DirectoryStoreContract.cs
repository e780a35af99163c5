using System.Text.Json.Nodes;
using Identity.Directory.Auditing;
using Identity.Directory.Storage;
using Identity.Directory.Users;
using Identity.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace Identity.Directory.Tests.Storage;

/// <summary>
/// One suite for every Directory store: the SQLite subclass always runs, the MongoDB one where
/// a server is available. Tests go through Directory's own rules (UserDirectory), because what
/// matters is that each store makes those rules hold atomically.
/// </summary>
public abstract partial class DirectoryStoreContract : IAsyncLifetime
{
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero));

    private StoreSet? _stores;

    protected StoreSet Stores => _stores ?? throw new InvalidOperationException("Not initialized.");

    protected UserDirectory Users => new(Stores.Users, Notifier, Time);

    protected UserListing Listing => new(Stores.Users);

    protected ChangeNotifier Notifier { get; } = new();

    protected static Mutation Admin { get; } = new("admin", "req-1");

    /// <summary>Opens the provider's stores, or skips (Mongo without a server).</summary>
    protected abstract Task<StoreSet> OpenAsync();

    protected virtual Task CloseAsync() => Task.CompletedTask;

    public async Task InitializeAsync() => _stores = await OpenAsync();

    public Task DisposeAsync() => CloseAsync();

    protected static string UserJson(string userName, string? externalId = null, string? email = null, bool? active = null,
        string? displayName = null, string? familyName = null, string? department = null)
    {
        var resource = new JsonObject { ["schemas"] = new JsonArray(UserResource.CoreSchema), ["userName"] = userName };
        if (externalId is not null)
        {
            resource["externalId"] = externalId;
        }
        if (email is not null)
        {
            resource["emails"] = new JsonArray(new JsonObject { ["value"] = email, ["type"] = "work", ["primary"] = true });
        }
        if (active is not null)
        {
            resource["active"] = active;
        }
        if (displayName is not null)
        {
            resource["displayName"] = displayName;
        }
        if (familyName is not null)
        {
            resource["name"] = new JsonObject { ["familyName"] = familyName };
        }
        if (department is not null)
        {
            resource["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"] = new JsonObject { ["department"] = department };
        }
        return resource.ToJsonString();
    }

    protected async Task<StoredUser> CreateAsync(string tenant, string json) =>
        (await Users.CreateAsync(tenant, json, Admin, adoptJitMatch: false, CancellationToken.None).WithTimeout()).User;

    [SkippableFact]
    public async Task Create_NewUser_AssignsIdMetaAndVersionOne()
    {
        var tenant = TestTenant.New();

        var user = await CreateAsync(tenant, UserJson("alice@example.com", email: "Alice@Example.com"));

        var meta = JsonNode.Parse(user.ResourceJson)!["meta"]!;
        Assert.Equal((user.Version, user.Origin, user.IdpManaged), (1L, UserOrigin.Scim, true));
        Assert.Equal(user.Id, (string?)JsonNode.Parse(user.ResourceJson)!["id"]);
        Assert.Equal(("User", "W/\"1\"", "2026-01-15T09:00:00.0000000Z"), ((string?)meta["resourceType"], (string?)meta["version"], (string?)meta["created"]));
    }

    [SkippableFact]
    public async Task Create_WithoutUserName_FailsWithInvalidValue()
    {
        var tenant = TestTenant.New();

        var error = await Assert.ThrowsAsync<DirectoryException>(() => CreateAsync(tenant, """{"schemas":[],"displayName":"x"}"""));

        Assert.Equal(DirectoryFailure.InvalidValue, error.Failure);
    }

    [SkippableFact]
    public async Task Get_UserOfAnotherTenant_IsNotFound()
    {
        var user = await CreateAsync(TestTenant.New(), UserJson("bob"));

        var found = await Stores.Users.GetAsync(TestTenant.New(), user.Id, includeDeleted: true, CancellationToken.None).WithTimeout();

        Assert.Null(found);
    }

    [SkippableFact]
    public async Task Replace_AtCurrentVersion_BumpsVersionAndKeepsIdAndCreated()
    {
        var tenant = TestTenant.New();
        var user = await CreateAsync(tenant, UserJson("carol"));
        Time.Advance(TimeSpan.FromMinutes(5));

        var replaced = await Users.ReplaceAsync(tenant, user.Id, UserJson("carol", displayName: "Carol C"), 1, Admin, CancellationToken.None).WithTimeout();

        var read = await Users.GetAsync(tenant, user.Id, CancellationToken.None).WithTimeout();
        Assert.Equal((2L, user.Id, user.Created, "Carol C"), (read.Version, read.Id, read.Created, read.DisplayName));
        Assert.Equal(Time.GetUtcNow(), replaced.LastModified);
    }

    [SkippableFact]
    public async Task Replace_AtStaleVersion_FailsWithVersionMismatch()
    {
        var tenant = TestTenant.New();
        var user = await CreateAsync(tenant, UserJson("dave"));
        await Users.ReplaceAsync(tenant, user.Id, UserJson("dave", displayName: "D"), 1, Admin, CancellationToken.None).WithTimeout();

        var error = await Assert.ThrowsAsync<DirectoryException>(
            () => Users.ReplaceAsync(tenant, user.Id, UserJson("dave", displayName: "E"), 1, Admin, CancellationToken.None).WithTimeout());

        Assert.Equal(DirectoryFailure.VersionMismatch, error.Failure);
    }

    [SkippableFact]
    public async Task WriteAsync_StaleExpectedVersion_StoreRefusesWithVersionMismatch()
    {
        var tenant = TestTenant.New();
        var user = await CreateAsync(tenant, UserJson("erin"));
        var audit = new AuditEntry(tenant, Time.GetUtcNow(), "admin", AuditAction.UserReplaced, "User", user.Id, 1, 2, "", "");
        await Stores.Users.WriteAsync(new UserWrite(user with { Version = 2 }, 1, audit, UserChangeType.Updated), CancellationToken.None).WithTimeout();

        var error = await Assert.ThrowsAsync<StoreConflictException>(
            () => Stores.Users.WriteAsync(new UserWrite(user with { Version = 2 }, 1, audit, UserChangeType.Updated), CancellationToken.None).WithTimeout());

        Assert.Equal(ConflictKind.VersionMismatch, error.Kind);
    }

    [SkippableFact]
    public async Task Create_SameUserNameInOtherCase_FailsWithUserNameTaken()
    {
        var tenant = TestTenant.New();
        await CreateAsync(tenant, UserJson("Frank@Example.com"));

        var error = await Assert.ThrowsAsync<StoreConflictException>(() => CreateAsync(tenant, UserJson("frank@EXAMPLE.com")));

        Assert.Equal(ConflictKind.UserNameTaken, error.Kind);
    }

    [SkippableFact]
    public async Task Create_SameUserNameInAnotherTenant_Succeeds()
    {
        await CreateAsync(TestTenant.New(), UserJson("grace"));

        var other = await CreateAsync(TestTenant.New(), UserJson("grace"));

        Assert.Equal(1L, other.Version);
    }

    [SkippableFact]
    public async Task Create_ConcurrentSameUserName_ExactlyOneSucceeds()
    {
        var tenant = TestTenant.New();

        var attempts = Enumerable.Range(0, 16).Select(async i =>
        {
            try
            {
                await CreateAsync(tenant, UserJson(i % 2 == 0 ? "heidi" : "HEIDI"));
                return true;
            }
            catch (StoreConflictException ex) when (ex.Kind == ConflictKind.UserNameTaken)
            {
                return false;
            }
        });
        var outcomes = await Task.WhenAll(attempts).WithTimeout();

        Assert.Equal(1, outcomes.Count(ok => ok));
        var page = await Stores.Users.QueryAsync(new UserQuery(tenant, null, true, 0, 0, 100, true), CancellationToken.None).WithTimeout();
        Assert.Equal(1, page.Total);
    }

    [SkippableFact]
    public async Task Replace_ToUserNameTakenByAnother_FailsWithUserNameTaken()
    {
        var tenant = TestTenant.New();
        await CreateAsync(tenant, UserJson("ivan"));
        var judy = await CreateAsync(tenant, UserJson("judy"));

        var error = await Assert.ThrowsAsync<StoreConflictException>(
            () => Users.ReplaceAsync(tenant, judy.Id, UserJson("IVAN"), 0, Admin, CancellationToken.None).WithTimeout());

        Assert.Equal(ConflictKind.UserNameTaken, error.Kind);
    }

    [SkippableFact]
    public async Task Lookup_ByEachKey_FindsTheUserWithTheRightCaseRules()
    {
        var tenant = TestTenant.New();
        var user = await CreateAsync(tenant, UserJson("Mallory", externalId: "Ext-1", email: "Mallory@Example.com"));

        var byName = await Users.LookupAsync(tenant, UserKey.UserName, "MALLORY", CancellationToken.None).WithTimeout();
        var byEmail = await Users.LookupAsync(tenant, UserKey.Email, "mallory@example.COM", CancellationToken.None).WithTimeout();
        var byExternal = await Users.LookupAsync(tenant, UserKey.ExternalId, "Ext-1", CancellationToken.None).WithTimeout();
        var wrongCase = await Assert.ThrowsAsync<DirectoryException>(() => Users.LookupAsync(tenant, UserKey.ExternalId, "ext-1", CancellationToken.None));

        Assert.Equal([user.Id, user.Id, user.Id], new[] { byName.Id, byEmail.Id, byExternal.Id });
        Assert.Equal(DirectoryFailure.NotFound, wrongCase.Failure);
    }
}
