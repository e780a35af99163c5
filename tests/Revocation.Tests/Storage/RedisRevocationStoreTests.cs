using Identity.Revocation.Storage;
using Identity.Revocation.Storage.Redis;
using Microsoft.Extensions.Options;

namespace Identity.Revocation.Tests.Storage;

public sealed class RedisRevocationStoreTests(RedisFixture redis) : RevocationStoreContract, IClassFixture<RedisFixture>
{
    protected override Task<IRevocationStore> CreateStoreAsync(int feedMaxLength = 100_000, bool failClosed = false) =>
        Task.FromResult<IRevocationStore>(new RedisRevocationStore(
            redis.Connection,
            Options.Create(new RevocationStorageOptions { ExpiredGrace = Grace, FeedMaxLength = feedMaxLength, FailClosedUntilRebuilt = failClosed }),
            Time));
}
