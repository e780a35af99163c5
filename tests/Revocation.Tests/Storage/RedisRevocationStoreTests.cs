using Identity.Revocation.Domain;
using Identity.Revocation.Storage;
using Identity.Revocation.Storage.Redis;
using Identity.TestKit;
using Microsoft.Extensions.Options;

namespace Identity.Revocation.Tests.Storage;

public sealed class RedisRevocationStoreTests(RedisFixture redis) : RevocationStoreContract, IClassFixture<RedisFixture>
{
    protected override Task<IRevocationStore> CreateStoreAsync(int feedMaxLength = 100_000, bool failClosed = false) =>
        Task.FromResult<IRevocationStore>(new RedisRevocationStore(
            redis.Connection,
            Options.Create(new RevocationStorageOptions { ExpiredGrace = Grace, FeedMaxLength = feedMaxLength, FailClosedUntilRebuilt = failClosed }),
            Time));

    [Fact]
    public async Task FlushAll_AfterRestore_TenantNotRestoredAgain()
    {
        var store = await CreateStoreAsync(failClosed: true);
        var tenant = TestTenant.New();
        await store.MarkTenantRestoredAsync(tenant, await store.BeginRestoreAsync(tenant, CancellationToken.None), CancellationToken.None).WithTimeout();
        await store.TryRegisterSessionAsync(Session(tenant), CancellationToken.None).WithTimeout();

        await RedisWipe.FlushAllAsync(redis.Server);

        Assert.False(await store.IsTenantRestoredAsync(tenant, CancellationToken.None).WithTimeout());
        Assert.Equal(CredentialState.NotRestored, (await store.CheckSessionAsync(tenant, "u1", "s1", CancellationToken.None).WithTimeout()).State);
    }

    [Fact]
    public async Task MarkTenantRestored_StateWipedDuringRebuild_RecordsNothing()
    {
        var store = await CreateStoreAsync(failClosed: true);
        var tenant = TestTenant.New();
        var token = await store.BeginRestoreAsync(tenant, CancellationToken.None).WithTimeout();
        await store.RestoreBlocksAsync(tenant, [new LifecycleBlock("gone", Time.GetUtcNow(), Deleted: false)], CancellationToken.None).WithTimeout();

        await RedisWipe.FlushAllAsync(redis.Server);
        var marked = await store.MarkTenantRestoredAsync(tenant, token, CancellationToken.None).WithTimeout();

        Assert.False(marked);
        Assert.False(await store.IsTenantRestoredAsync(tenant, CancellationToken.None).WithTimeout());
        Assert.Equal(RegisterOutcome.NotRestored, await store.TryRegisterSessionAsync(Session(tenant) with { UserId = "gone" }, CancellationToken.None).WithTimeout());
    }

    private SessionRecord Session(string tenant) =>
        new(tenant, "u1", "s1", Time.GetUtcNow(), Time.GetUtcNow() + TimeSpan.FromHours(1), new Dictionary<string, string>());
}
