using Identity.Revocation.Domain;
using Identity.Revocation.Storage;
using Identity.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace Identity.Revocation.Tests.Storage;

/// <summary>What every <see cref="IRevocationStore"/> must do; run by the in-process and the Redis subclass.</summary>
public abstract class RevocationStoreContract
{
    protected static readonly TimeSpan Grace = TimeSpan.FromMinutes(10);

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>A store; <paramref name="failClosed"/>: it vouches for no tenant until marked restored.</summary>
    protected abstract Task<IRevocationStore> CreateStoreAsync(int feedMaxLength = 100_000, bool failClosed = false);

    private static readonly CancellationToken None = CancellationToken.None;

    private SessionRecord Session(string tenant, string user, string id, TimeSpan? lifetime = null, DateTimeOffset? issuedAt = null) =>
        new(tenant, user, id, issuedAt ?? Time.GetUtcNow(), Time.GetUtcNow() + (lifetime ?? TimeSpan.FromHours(1)),
            new Dictionary<string, string> { ["device"] = "laptop" });

    private TokenRecord Token(string tenant, string user, string id, DateTimeOffset? issuedAt = null) =>
        new(tenant, user, id, issuedAt ?? Time.GetUtcNow(), Time.GetUtcNow() + TimeSpan.FromDays(1));

    [Fact]
    public async Task CheckSession_Registered_IsValidWithExpiry()
    {
        var store = await CreateStoreAsync();
        var tenant = TestTenant.New();
        var session = Session(tenant, "u1", "s1");

        var registered = await store.TryRegisterSessionAsync(session, None).WithTimeout();

        var check = await store.CheckSessionAsync(tenant, "u1", "s1", None).WithTimeout();
        Assert.Equal(RegisterOutcome.Registered, registered);
        Assert.Equal(new SessionCheck(CredentialState.Valid, session.ExpiresAt), check);
    }

    [Fact]
    public async Task CheckSession_NeverRegisteredOrOtherTenant_IsUnknown()
    {
        var store = await CreateStoreAsync();
        var tenant = TestTenant.New();
        await store.TryRegisterSessionAsync(Session(tenant, "u1", "s1"), None).WithTimeout();

        var missing = await store.CheckSessionAsync(tenant, "u1", "s2", None).WithTimeout();
        var foreign = await store.CheckSessionAsync(TestTenant.New(), "u1", "s1", None).WithTimeout();

        Assert.Equal(CredentialState.Unknown, missing.State);
        Assert.Equal(CredentialState.Unknown, foreign.State);
    }

    [Fact]
    public async Task CheckSession_PastExpiryThenPastGrace_IsExpiredThenUnknown()
    {
        var store = await CreateStoreAsync();
        var tenant = TestTenant.New();
        await store.TryRegisterSessionAsync(Session(tenant, "u1", "s1", TimeSpan.FromMinutes(1)), None).WithTimeout();

        Time.Advance(TimeSpan.FromMinutes(2));
        var expired = await store.CheckSessionAsync(tenant, "u1", "s1", None).WithTimeout();
        Time.Advance(Grace);
        var forgotten = await store.CheckSessionAsync(tenant, "u1", "s1", None).WithTimeout();

        Assert.Equal(CredentialState.Expired, expired.State);
        Assert.Equal(CredentialState.Unknown, forgotten.State);
    }

    [Fact]
    public async Task RevokeSession_Registered_RevokesOnceAndEmitsEvent()
    {
        var store = await CreateStoreAsync();
        var tenant = TestTenant.New();
        await store.TryRegisterSessionAsync(Session(tenant, "u1", "s1"), None).WithTimeout();

        var first = await store.RevokeSessionAsync(tenant, "u1", "s1", "logout", None).WithTimeout();
        var second = await store.RevokeSessionAsync(tenant, "u1", "s1", "logout", None).WithTimeout();

        var check = await store.CheckSessionAsync(tenant, "u1", "s1", None).WithTimeout();
        var feed = await store.ReadEventsAsync(tenant, FeedPosition.Zero, 10, None).WithTimeout();
        Assert.True(first);
        Assert.False(second);
        Assert.Equal(CredentialState.Revoked, check.State);
        var only = Assert.Single(feed.Events);
        Assert.Equal((RevocationEventKind.SessionRevoked, "u1", "s1", "logout"), (only.Kind, only.UserId, only.SessionId, only.Reason));
    }

    [Fact]
    public async Task ListSessions_MixedStates_ReturnsOnlyLiveOnesWithAttributes()
    {
        var store = await CreateStoreAsync();
        var tenant = TestTenant.New();
        await store.TryRegisterSessionAsync(Session(tenant, "u1", "live", TimeSpan.FromHours(2)), None).WithTimeout();
        await store.TryRegisterSessionAsync(Session(tenant, "u1", "short", TimeSpan.FromMinutes(1)), None).WithTimeout();
        await store.TryRegisterSessionAsync(Session(tenant, "u1", "revoked"), None).WithTimeout();
        await store.TryRegisterSessionAsync(Session(tenant, "u2", "other"), None).WithTimeout();
        await store.RevokeSessionAsync(tenant, "u1", "revoked", "logout", None).WithTimeout();
        Time.Advance(TimeSpan.FromMinutes(5));

        var sessions = await store.ListSessionsAsync(tenant, "u1", None).WithTimeout();

        var only = Assert.Single(sessions);
        Assert.Equal("live", only.SessionId);
        Assert.Equal("laptop", only.Attributes["device"]);
    }

    [Fact]
    public async Task CheckToken_RegisteredThenRevoked_ValidThenRevoked()
    {
        var store = await CreateStoreAsync();
        var tenant = TestTenant.New();
        var token = Token(tenant, "u1", "jti-1");
        await store.TryRegisterTokenAsync(token, None).WithTimeout();

        var before = await store.CheckTokenAsync(tenant, "jti-1", None).WithTimeout();
        var revoked = await store.RevokeTokenAsync(tenant, "jti-1", "leaked", None).WithTimeout();
        var after = await store.CheckTokenAsync(tenant, "jti-1", None).WithTimeout();
        var unknown = await store.CheckTokenAsync(tenant, "jti-2", None).WithTimeout();

        Assert.Equal(new TokenCheck(CredentialState.Valid, "u1", token.ExpiresAt), before);
        Assert.True(revoked);
        Assert.Equal(CredentialState.Revoked, after.State);
        Assert.Equal(new TokenCheck(CredentialState.Unknown, null, null), unknown);
    }

    [Fact]
    public async Task RevokeUser_WithSessionsAndTokens_BlocksDeletesRevokesAndEmits()
    {
        var store = await CreateStoreAsync();
        var tenant = TestTenant.New();
        await store.TryRegisterSessionAsync(Session(tenant, "u1", "s1"), None).WithTimeout();
        await store.TryRegisterSessionAsync(Session(tenant, "u1", "s2"), None).WithTimeout();
        await store.TryRegisterSessionAsync(Session(tenant, "u2", "s3"), None).WithTimeout();
        await store.TryRegisterTokenAsync(Token(tenant, "u1", "t1"), None).WithTimeout();
        Time.Advance(TimeSpan.FromSeconds(1));

        var result = await store.RevokeUserAsync(tenant, "u1", BlockOrigins.Lifecycle, "deactivated", None).WithTimeout();

        Assert.Equal((2, 1), (result.SessionsRevoked, result.TokensRevoked));
        Assert.Equal(Time.GetUtcNow(), result.Watermark);
        Assert.Equal(new UserState(BlockOrigins.Lifecycle, result.Watermark), await store.GetUserStateAsync(tenant, "u1", None).WithTimeout());
        Assert.Equal(CredentialState.Blocked, (await store.CheckSessionAsync(tenant, "u1", "s1", None).WithTimeout()).State);
        Assert.Equal(CredentialState.Blocked, (await store.CheckTokenAsync(tenant, "t1", None).WithTimeout()).State);
        Assert.Equal(CredentialState.Valid, (await store.CheckSessionAsync(tenant, "u2", "s3", None).WithTimeout()).State);
        Assert.Empty(await store.ListSessionsAsync(tenant, "u1", None).WithTimeout());
        Assert.Equal(RegisterOutcome.Blocked, await store.TryRegisterSessionAsync(Session(tenant, "u1", "s4"), None).WithTimeout());
        Assert.Equal(RegisterOutcome.Blocked, await store.TryRegisterTokenAsync(Token(tenant, "u1", "t2"), None).WithTimeout());
        var feed = await store.ReadEventsAsync(tenant, FeedPosition.Zero, 10, None).WithTimeout();
        var revoked = Assert.Single(feed.Events);
        Assert.Equal((RevocationEventKind.UserRevoked, "u1", result.Watermark, result.EventId, "deactivated"),
            (revoked.Kind, revoked.UserId, revoked.Watermark, revoked.EventId, revoked.Reason));
    }

    [Fact]
    public async Task RevokeUser_Repeated_OnlyMovesWatermark()
    {
        var store = await CreateStoreAsync();
        var tenant = TestTenant.New();
        await store.TryRegisterSessionAsync(Session(tenant, "u1", "s1"), None).WithTimeout();
        await store.TryRegisterTokenAsync(Token(tenant, "u1", "t1"), None).WithTimeout();
        var first = await store.RevokeUserAsync(tenant, "u1", BlockOrigins.Lifecycle, "deactivated", None).WithTimeout();
        Time.Advance(TimeSpan.FromSeconds(5));

        var second = await store.RevokeUserAsync(tenant, "u1", BlockOrigins.Lifecycle, "deleted", None).WithTimeout();

        Assert.Equal((1, 1), (first.SessionsRevoked, first.TokensRevoked));
        Assert.Equal((0, 0), (second.SessionsRevoked, second.TokensRevoked));
        Assert.Equal(first.Watermark + TimeSpan.FromSeconds(5), second.Watermark);
        Assert.Equal(new UserState(BlockOrigins.Lifecycle, second.Watermark), await store.GetUserStateAsync(tenant, "u1", None).WithTimeout());
    }

    [Fact]
    public async Task UnblockUser_AfterRevoke_AllowsNewSessionsButOldCredentialsStayRevoked()
    {
        var store = await CreateStoreAsync();
        var tenant = TestTenant.New();
        var issuedBefore = Time.GetUtcNow();
        await store.TryRegisterTokenAsync(Token(tenant, "u1", "t1"), None).WithTimeout();
        Time.Advance(TimeSpan.FromSeconds(1));
        await store.RevokeUserAsync(tenant, "u1", BlockOrigins.Lifecycle, "deactivated", None).WithTimeout();
        Time.Advance(TimeSpan.FromSeconds(1));

        var wasBlocked = await store.UnblockUserAsync(tenant, "u1", BlockOrigins.Lifecycle, None).WithTimeout();
        var again = await store.UnblockUserAsync(tenant, "u1", BlockOrigins.Lifecycle, None).WithTimeout();
        var fresh = await store.TryRegisterSessionAsync(Session(tenant, "u1", "new"), None).WithTimeout();
        await store.TryRegisterSessionAsync(Session(tenant, "u1", "backdated", issuedAt: issuedBefore), None).WithTimeout();

        Assert.Equal(new UnblockResult(WasBlocked: true, StillBlocked: false), wasBlocked);
        Assert.False(again.WasBlocked);
        Assert.Equal(RegisterOutcome.Registered, fresh);
        Assert.Equal(CredentialState.Valid, (await store.CheckSessionAsync(tenant, "u1", "new", None).WithTimeout()).State);
        Assert.Equal(CredentialState.Revoked, (await store.CheckSessionAsync(tenant, "u1", "backdated", None).WithTimeout()).State);
        Assert.Equal(CredentialState.Revoked, (await store.CheckTokenAsync(tenant, "t1", None).WithTimeout()).State);
        var state = await store.GetUserStateAsync(tenant, "u1", None).WithTimeout();
        Assert.False(state.Blocked);
        Assert.NotNull(state.Watermark);
    }

    [Fact]
    public async Task ReadEvents_AfterAnId_ReturnsLaterEventsInOrderPerTenant()
    {
        var store = await CreateStoreAsync();
        var tenant = TestTenant.New();
        var other = TestTenant.New();
        var first = await store.RevokeUserAsync(tenant, "u1", BlockOrigins.Lifecycle, "deactivated", None).WithTimeout();
        await store.RevokeUserAsync(other, "x", BlockOrigins.Lifecycle, "deactivated", None).WithTimeout();
        await store.RevokeUserAsync(tenant, "u2", BlockOrigins.Lifecycle, "deactivated", None).WithTimeout();
        await store.UnblockUserAsync(tenant, "u1", BlockOrigins.Lifecycle, None).WithTimeout();

        var read = await store.ReadEventsAsync(tenant, FeedPosition.Parse(first.EventId), 10, None).WithTimeout();
        var latest = await store.GetLatestEventIdAsync(tenant, None).WithTimeout();

        Assert.False(read.Gap);
        Assert.Equal(new[] { (RevocationEventKind.UserRevoked, "u2"), (RevocationEventKind.UserUnblocked, "u1") },
            read.Events.Select(e => (e.Kind, e.UserId)));
        Assert.Equal(read.Events[^1].EventId, latest.ToString());
        Assert.Equal(FeedPosition.Zero, await store.GetLatestEventIdAsync(TestTenant.New(), None).WithTimeout());
    }

    [Fact]
    public async Task ReadEvents_FromTrimmedPosition_ReportsGap()
    {
        var store = await CreateStoreAsync(feedMaxLength: 100);
        var tenant = TestTenant.New();
        var first = await store.RevokeUserAsync(tenant, "u0", BlockOrigins.Lifecycle, "deactivated", None).WithTimeout();
        for (var i = 1; i < 400; i++)
        {
            await store.RevokeUserAsync(tenant, "u" + i, BlockOrigins.Lifecycle, "deactivated", None).WithTimeout();
        }
        var latest = await store.GetLatestEventIdAsync(tenant, None).WithTimeout();

        var stale = await store.ReadEventsAsync(tenant, FeedPosition.Parse(first.EventId), 10, None).WithTimeout();
        var recent = await store.ReadEventsAsync(tenant, latest, 10, None).WithTimeout();

        Assert.True(stale.Gap);
        Assert.False(recent.Gap);
        Assert.Empty(recent.Events);
    }

    [Fact]
    public async Task WhenEventAppended_TakenBeforeRevoke_Completes()
    {
        var store = await CreateStoreAsync();
        var tenant = TestTenant.New();
        var signal = store.WhenEventAppended(tenant);

        await store.RevokeUserAsync(tenant, "u1", BlockOrigins.Lifecycle, "deactivated", None).WithTimeout();

        await signal.WithTimeout();
        Assert.True(signal.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task ListTenants_AfterAWrite_IncludesTenant()
    {
        var store = await CreateStoreAsync();
        var tenant = TestTenant.New();
        await store.RevokeUserAsync(tenant, "u1", BlockOrigins.Lifecycle, "deactivated", None).WithTimeout();

        var tenants = await store.ListTenantsAsync(None).WithTimeout();

        Assert.Contains(tenant, tenants);
    }

    [Fact]
    public async Task UnblockLifecycle_SecurityBlockHeld_StaysBlockedUntilSecurityUnblock()
    {
        var store = await CreateStoreAsync();
        var tenant = TestTenant.New();
        await store.RevokeUserAsync(tenant, "u1", BlockOrigins.Security, "incident", None).WithTimeout();
        await store.RevokeUserAsync(tenant, "u1", BlockOrigins.Lifecycle, "deactivated", None).WithTimeout();
        var before = await store.GetLatestEventIdAsync(tenant, None).WithTimeout();

        var lifecycle = await store.UnblockUserAsync(tenant, "u1", BlockOrigins.Lifecycle, None).WithTimeout();
        var afterLifecycle = await store.GetUserStateAsync(tenant, "u1", None).WithTimeout();
        var refused = await store.TryRegisterSessionAsync(Session(tenant, "u1", "s1"), None).WithTimeout();
        var silent = await store.ReadEventsAsync(tenant, before, 10, None).WithTimeout();
        var security = await store.UnblockUserAsync(tenant, "u1", BlockOrigins.Security, None).WithTimeout();
        var unblocked = await store.ReadEventsAsync(tenant, before, 10, None).WithTimeout();

        Assert.Equal(new UnblockResult(WasBlocked: true, StillBlocked: true), lifecycle);
        Assert.Equal(BlockOrigins.Security, afterLifecycle.Blocks);
        Assert.Equal(RegisterOutcome.Blocked, refused);
        Assert.Empty(silent.Events);
        Assert.Equal(new UnblockResult(WasBlocked: true, StillBlocked: false), security);
        Assert.Equal(new[] { (RevocationEventKind.UserUnblocked, BlockOrigins.Security) }, unblocked.Events.Select(e => (e.Kind, e.Origin)));
        Assert.Equal(RegisterOutcome.Registered, await store.TryRegisterSessionAsync(Session(tenant, "u1", "s2"), None).WithTimeout());
    }

    [Fact]
    public async Task UnblockSecurity_OnlyLifecycleBlockHeld_LiftsNothing()
    {
        var store = await CreateStoreAsync();
        var tenant = TestTenant.New();
        var revocation = await store.RevokeUserAsync(tenant, "u1", BlockOrigins.Lifecycle, "deactivated", None).WithTimeout();

        var result = await store.UnblockUserAsync(tenant, "u1", BlockOrigins.Security, None).WithTimeout();

        Assert.Equal(new UnblockResult(WasBlocked: false, StillBlocked: true), result);
        Assert.Equal(new UserState(BlockOrigins.Lifecycle, revocation.Watermark), await store.GetUserStateAsync(tenant, "u1", None).WithTimeout());
        var events = await store.ReadEventsAsync(tenant, FeedPosition.Zero, 10, None).WithTimeout();
        Assert.Equal(new[] { BlockOrigins.Lifecycle }, events.Events.Select(e => e.Origin));
    }

    [Fact]
    public async Task ListLifecycleBlocked_ListsOnlyLifecycleHolders()
    {
        var store = await CreateStoreAsync();
        var tenant = TestTenant.New();
        await store.RevokeUserAsync(tenant, "lc", BlockOrigins.Lifecycle, "deactivated", None).WithTimeout();
        await store.RevokeUserAsync(tenant, "sec", BlockOrigins.Security, "incident", None).WithTimeout();
        await store.RevokeUserAsync(tenant, "lifted", BlockOrigins.Lifecycle, "deactivated", None).WithTimeout();
        await store.UnblockUserAsync(tenant, "lifted", BlockOrigins.Lifecycle, None).WithTimeout();
        await store.RestoreBlocksAsync(tenant, [new LifecycleBlock("restored", Time.GetUtcNow(), Deleted: true)], None).WithTimeout();

        var listed = await store.ListLifecycleBlockedAsync(tenant, None).WithTimeout();

        Assert.Equal(new[] { "lc", "restored" }, listed);
        Assert.Empty(await store.ListLifecycleBlockedAsync(TestTenant.New(), None).WithTimeout());
    }

    [Fact]
    public async Task RestoreBlocks_BlocksWithWatermarkAtLeastSinceAndEmitsNothing()
    {
        var store = await CreateStoreAsync();
        var tenant = TestTenant.New();
        var since = Time.GetUtcNow() - TimeSpan.FromHours(1);
        await store.TryRegisterSessionAsync(Session(tenant, "other", "s1"), None).WithTimeout();
        var later = await store.RevokeUserAsync(tenant, "newer", BlockOrigins.Security, "incident", None).WithTimeout();
        var before = await store.GetLatestEventIdAsync(tenant, None).WithTimeout();
        var blocks = Enumerable.Range(0, 1200).Select(i => new LifecycleBlock("u" + i, since, Deleted: i % 2 == 0))
            .Append(new LifecycleBlock("newer", since, Deleted: false)).ToList();

        await store.RestoreBlocksAsync(tenant, blocks, None).WithTimeout();

        Assert.Equal(new UserState(BlockOrigins.Lifecycle, since), await store.GetUserStateAsync(tenant, "u0", None).WithTimeout());
        Assert.Equal(new UserState(BlockOrigins.Lifecycle, since), await store.GetUserStateAsync(tenant, "u1199", None).WithTimeout());
        Assert.Equal(new UserState(BlockOrigins.Lifecycle | BlockOrigins.Security, later.Watermark), await store.GetUserStateAsync(tenant, "newer", None).WithTimeout());
        Assert.Equal(RegisterOutcome.Blocked, await store.TryRegisterSessionAsync(Session(tenant, "u7", "s2"), None).WithTimeout());
        Assert.Equal(CredentialState.Valid, (await store.CheckSessionAsync(tenant, "other", "s1", None).WithTimeout()).State);
        Assert.Empty((await store.ReadEventsAsync(tenant, before, 10, None).WithTimeout()).Events);
    }

    [Fact]
    public async Task FailClosed_TenantNotRestored_RegistersNothingAndVouchesForNoOne()
    {
        var store = await CreateStoreAsync(failClosed: true);
        var tenant = TestTenant.New();

        var session = await store.TryRegisterSessionAsync(Session(tenant, "u1", "s1"), None).WithTimeout();
        var token = await store.TryRegisterTokenAsync(Token(tenant, "u1", "t1"), None).WithTimeout();
        var sessionCheck = await store.CheckSessionAsync(tenant, "u1", "s1", None).WithTimeout();
        var tokenCheck = await store.CheckTokenAsync(tenant, "t1", None).WithTimeout();
        var state = await store.GetUserStateAsync(tenant, "u1", None).WithTimeout();
        var revocation = await store.RevokeUserAsync(tenant, "u2", BlockOrigins.Lifecycle, "deactivated", None).WithTimeout();

        Assert.Equal(RegisterOutcome.NotRestored, session);
        Assert.Equal(RegisterOutcome.NotRestored, token);
        Assert.Equal(new SessionCheck(CredentialState.NotRestored, null), sessionCheck);
        Assert.Equal(new TokenCheck(CredentialState.NotRestored, null, null), tokenCheck);
        Assert.True(state.TenantNotRestored);
        Assert.False(await store.IsTenantRestoredAsync(tenant, None).WithTimeout());
        Assert.NotEmpty(revocation.EventId);
    }

    [Fact]
    public async Task FailClosed_MarkedRestored_ServesThatTenantOnly()
    {
        var store = await CreateStoreAsync(failClosed: true);
        var tenant = TestTenant.New();
        var other = TestTenant.New();
        await store.RestoreBlocksAsync(tenant, [new LifecycleBlock("gone", Time.GetUtcNow(), Deleted: false)], None).WithTimeout();

        var token = await store.BeginRestoreAsync(tenant, None).WithTimeout();
        var marked = await store.MarkTenantRestoredAsync(tenant, token, None).WithTimeout();

        Assert.True(marked);
        Assert.Equal(RegisterOutcome.Registered, await store.TryRegisterSessionAsync(Session(tenant, "u1", "s1"), None).WithTimeout());
        Assert.Equal(CredentialState.Valid, (await store.CheckSessionAsync(tenant, "u1", "s1", None).WithTimeout()).State);
        Assert.Equal(RegisterOutcome.Blocked, await store.TryRegisterSessionAsync(Session(tenant, "gone", "s2"), None).WithTimeout());
        Assert.Equal(CredentialState.Blocked, (await store.CheckSessionAsync(tenant, "gone", "s2", None).WithTimeout()).State);
        Assert.False((await store.GetUserStateAsync(tenant, "u1", None).WithTimeout()).TenantNotRestored);
        Assert.True(await store.IsTenantRestoredAsync(tenant, None).WithTimeout());
        Assert.Equal(RegisterOutcome.NotRestored, await store.TryRegisterSessionAsync(Session(other, "u1", "s1"), None).WithTimeout());
    }
}
