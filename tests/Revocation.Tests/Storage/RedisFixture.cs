using Identity.Revocation.Storage;
using Identity.Revocation.Storage.Redis;
using Identity.TestKit;
using Microsoft.Extensions.Options;

namespace Identity.Revocation.Tests.Storage;

/// <summary>One private redis-server (and one multiplexer) per test class; tests separate by tenant.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    public RedisServer Server { get; private set; } = null!;

    public RedisConnection Connection { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await RedisServer.StartAsync().WithTimeout(TimeSpan.FromSeconds(30));
        Connection = RedisConnection.Connect(Options.Create(new RevocationStorageOptions { RedisConnectionString = Server.ConnectionString }));
    }

    public async Task DisposeAsync()
    {
        await Connection.DisposeAsync();
        await Server.DisposeAsync();
    }
}
