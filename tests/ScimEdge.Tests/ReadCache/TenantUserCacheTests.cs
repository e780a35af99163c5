using Grpc.Net.Client;
using Identity.Contracts.Directory.V1;
using Identity.Contracts.GroupRole.V1;
using Identity.ScimEdge.ReadCache;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Identity.ScimEdge.Tests.ReadCache;

/// <summary>The cache's rules without a feed: what it may store, serve and must forget.</summary>
public sealed class TenantUserCacheTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly GrpcChannel _unused = GrpcChannel.ForAddress("http://127.0.0.1:1");
    private readonly UserReadCache _cache;

    public TenantUserCacheTests()
    {
        _cache = new UserReadCache(new DirectoryService.DirectoryServiceClient(_unused),
            Options.Create(new UserCacheOptions { GroupsMaxAge = TimeSpan.FromSeconds(1), MaxAge = TimeSpan.FromMinutes(5) }),
            _time, NullLogger<UserReadCache>.Instance);
    }

    [Fact]
    public void Store_BeforeTheFeedIsLive_IsNotKept()
    {
        var tenant = new TenantUserCache("t1");
        var ticket = tenant.Begin();
        tenant.Store(ticket, Entry("u1", "Ann@Example.com", ticket));
        tenant.GoLive();

        Assert.Null(tenant.Find("u1"));
    }

    [Fact]
    public void Store_WhileLive_IsFoundByIdAndCaseInsensitiveUserName()
    {
        var tenant = LiveTenant();
        var ticket = tenant.Begin();
        tenant.Store(ticket, Entry("u1", "Ann@Example.com", ticket));

        var byName = tenant.FindByName(UserNameKeys.Of("ANN@example.COM"), out var named);

        Assert.Equal("u1", tenant.Find("u1")?.User.Id);
        Assert.Equal((NameLookup.Found, "u1"), (byName, named?.User.Id));
    }

    [Fact]
    public void Store_OfAReadThatOverlappedAChange_IsRefused()
    {
        var tenant = LiveTenant();
        var ticket = tenant.Begin();
        tenant.Invalidate("u1", "ann@example.com");
        tenant.Store(ticket, Entry("u1", "ann@example.com", ticket));

        Assert.Null(tenant.Find("u1"));
    }

    [Fact]
    public void Invalidate_AfterARename_ForgetsTheUserUnderBothNames()
    {
        var tenant = LiveTenant();
        var ticket = tenant.Begin();
        tenant.Store(ticket, Entry("u1", "old@example.com", ticket));
        var absentTicket = tenant.Begin();
        tenant.StoreAbsent(absentTicket, "new@example.com");

        tenant.Invalidate("u1", "new@example.com");

        Assert.Null(tenant.Find("u1"));
        Assert.Equal(NameLookup.Miss, tenant.FindByName("old@example.com", out _));
        Assert.Equal(NameLookup.Miss, tenant.FindByName("new@example.com", out _));
    }

    [Fact]
    public void StoreAbsent_IsServedUntilAUserTakesTheName()
    {
        var tenant = LiveTenant();
        tenant.StoreAbsent(tenant.Begin(), "carol@example.com");
        var before = tenant.FindByName("carol@example.com", out _);

        tenant.Invalidate("u9", "Carol@Example.com");

        Assert.Equal((NameLookup.Absent, NameLookup.Miss), (before, tenant.FindByName("carol@example.com", out _)));
    }

    [Fact]
    public void GoDark_ForgetsEverythingAndRefusesStoresUntilLiveAgain()
    {
        var tenant = LiveTenant();
        var ticket = tenant.Begin();
        tenant.Store(ticket, Entry("u1", "ann@example.com", ticket));

        tenant.GoDark();
        var darkTicket = tenant.Begin();
        tenant.Store(darkTicket, Entry("u2", "bob@example.com", darkTicket));

        Assert.Equal((false, (CachedUser?)null, (CachedUser?)null), (tenant.Live, tenant.Find("u1"), tenant.Find("u2")));
    }

    [Fact]
    public void IsFresh_GroupsExpireWithTheirMaxAgeAndWithAGroupChange_TheUserStays()
    {
        var tenant = LiveTenant();
        var ticket = tenant.Begin();
        var user = Entry("u1", "ann@example.com", ticket);

        var fresh = _cache.IsFresh(tenant, user, out var groupsFreshAtFirst);
        _time.Advance(TimeSpan.FromSeconds(2));
        _cache.IsFresh(tenant, user, out var groupsFreshLater);
        var refreshed = _cache.WithGroups(user, [], tenant.Begin());
        tenant.GroupsChanged();
        _cache.IsFresh(tenant, refreshed, out var groupsFreshAfterChange);

        Assert.Equal((true, true, false, false), (fresh, groupsFreshAtFirst, groupsFreshLater, groupsFreshAfterChange));
    }

    [Fact]
    public void IsFresh_PastMaxAge_IsNotServedEvenWithALiveFeed()
    {
        var tenant = LiveTenant();
        var user = Entry("u1", "ann@example.com", tenant.Begin());

        _time.Advance(TimeSpan.FromMinutes(6));

        Assert.False(_cache.IsFresh(tenant, user, out _));
    }

    [Fact]
    public void Store_OverMaxUsers_StartsTheTenantAgain()
    {
        using var small = new UserReadCache(new DirectoryService.DirectoryServiceClient(_unused),
            Options.Create(new UserCacheOptions { MaxUsers = 100 }), _time, NullLogger<UserReadCache>.Instance);
        var tenant = LiveTenant();
        for (var i = 0; i < 60; i++)
        {
            var ticket = tenant.Begin();
            small.Store(tenant, ticket, Entry($"u{i}", $"user{i}@example.com", ticket));
        }

        Assert.True(tenant.Count <= 100);
        Assert.Null(tenant.Find("u0"));
        Assert.NotNull(tenant.Find("u59"));
    }

    [Fact]
    public void Store_OverMaxBytes_StartsTheTenantAgain_WhileFewUsersAreHeld()
    {
        const long maxBytes = 64 * 1024;
        using var small = new UserReadCache(new DirectoryService.DirectoryServiceClient(_unused),
            Options.Create(new UserCacheOptions { MaxUsers = 100_000, MaxBytes = maxBytes }), _time, NullLogger<UserReadCache>.Instance);
        var tenant = LiveTenant();
        var large = "{\"displayName\":\"" + new string('x', 8 * 1024) + "\"}";
        long highest = 0;
        for (var i = 0; i < 20; i++)
        {
            var ticket = tenant.Begin();
            var entry = _cache.Entry(new User { Id = $"u{i}", UserName = $"user{i}@example.com", Version = 1, ResourceJson = large }, Array.Empty<GroupRef>(), ticket);
            small.Store(tenant, ticket, entry);
            highest = Math.Max(highest, tenant.Bytes);
        }
        var beforeInvalidate = tenant.Bytes;
        tenant.Invalidate("u19", null);

        Assert.InRange(highest, 1, maxBytes + 3 * (8 * 1024 + 1024));
        Assert.True(tenant.Count < 40, $"{tenant.Count} entries kept");
        Assert.Null(tenant.Find("u0"));
        Assert.True(tenant.Bytes < beforeInvalidate);
    }

    [Fact]
    public async Task IdleTenant_IsDroppedAndWatchedAfreshOnItsNextRead_ABusyOneIsKept()
    {
        using var cache = new UserReadCache(new DirectoryService.DirectoryServiceClient(_unused),
            Options.Create(new UserCacheOptions { IdleTenantTimeout = TimeSpan.FromMinutes(1) }), _time, NullLogger<UserReadCache>.Instance);
        await cache.StartAsync(CancellationToken.None);
        var idle = cache.For("idle");
        var busy = cache.For("busy");

        for (var i = 0; i < 4; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(20));
            cache.For("busy");
        }

        Assert.NotSame(idle, cache.For("idle"));
        Assert.Same(busy, cache.For("busy"));
        await cache.StopAsync(CancellationToken.None);
    }

    public void Dispose()
    {
        _cache.Dispose();
        _unused.Dispose();
    }

    private static TenantUserCache LiveTenant()
    {
        var tenant = new TenantUserCache("t1");
        tenant.GoLive();
        return tenant;
    }

    private CachedUser Entry(string id, string userName, FillTicket ticket) =>
        _cache.Entry(new User { Id = id, UserName = userName, Version = 1, ResourceJson = "{}" }, Array.Empty<GroupRef>(), ticket);
}
