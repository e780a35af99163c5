using Identity.Revocation.Storage;
using Identity.Revocation.Storage.InProcess;
using Microsoft.Extensions.Options;

namespace Identity.Revocation.Tests.Storage;

public sealed class InProcessRevocationStoreTests : RevocationStoreContract
{
    protected override Task<IRevocationStore> CreateStoreAsync(int feedMaxLength = 100_000, bool failClosed = false) =>
        Task.FromResult<IRevocationStore>(new InProcessRevocationStore(
            Options.Create(new RevocationStorageOptions { ExpiredGrace = Grace, FeedMaxLength = feedMaxLength, FailClosedUntilRebuilt = failClosed }), Time));
}
