using Identity.TestKit;
using StackExchange.Redis;

namespace Identity.Revocation.Tests.Storage;

/// <summary>FLUSHALL on a test's own redis-server: what a restart without persistence, or a failover to an empty replica, leaves.</summary>
internal static class RedisWipe
{
    public static async Task FlushAllAsync(RedisServer server)
    {
        if (!server.IsOwned)
        {
            throw new InvalidOperationException("The Redis server from IDENTITY_TEST_REDIS is shared; only a private one may be wiped.");
        }
        await using var admin = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString + ",allowAdmin=true").WithTimeout();
        await admin.GetServers()[0].FlushAllDatabasesAsync().WithTimeout();
    }
}
