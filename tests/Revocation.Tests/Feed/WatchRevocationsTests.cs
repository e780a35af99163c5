using Identity.Contracts.Revocation.V1;
using Identity.Revocation.Tests.Storage;
using Identity.TestKit;

namespace Identity.Revocation.Tests.Feed;

/// <summary>WatchRevocations against both stores: live tailing, and resuming after a disconnect without losing an event.</summary>
public sealed class WatchRevocationsTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private Task<LoopbackService> StartAsync(string provider) =>
        RevocationHost.StartAsync(provider == "Redis" ? RevocationHost.Redis(redis.Server.ConnectionString) : null);

    [Theory]
    [InlineData("InProcess")]
    [InlineData("Redis")]
    public async Task Watch_FromNow_ReceivesOnlyLaterEvents(string provider)
    {
        await using var service = await StartAsync(provider);
        var client = service.Client();
        var tenant = TestTenant.New();
        await client.RevokeUserAsync(new RevokeUserRequest { TenantId = tenant, UserId = "before" }).ResponseAsync.WithTimeout();
        using var watch = client.WatchRevocations(new WatchRevocationsRequest { TenantId = tenant });
        await watch.ResponseHeadersAsync.WithTimeout();

        var revoked = await client.RevokeUserAsync(new RevokeUserRequest { TenantId = tenant, UserId = "after", Reason = "deactivated" }).ResponseAsync.WithTimeout();

        var received = await watch.ResponseStream.NextAsync();
        Assert.Equal((RevocationEventType.UserRevoked, "after", revoked.EventId, revoked.Watermark, "deactivated"),
            (received.Type, received.UserId, received.EventId, received.Watermark, received.Reason));
    }

    [Theory]
    [InlineData("InProcess")]
    [InlineData("Redis")]
    public async Task Watch_ReconnectingWhileEventsFlow_MissesNoEventAndRepeatsNone(string provider)
    {
        await using var service = await StartAsync(provider);
        var client = service.Client();
        var tenant = TestTenant.New();
        const int total = 150;
        var received = new List<string>();
        using (var first = client.WatchRevocations(new WatchRevocationsRequest { TenantId = tenant }))
        {
            await first.ResponseHeadersAsync.WithTimeout();
            var emitted = EmitAsync(client, tenant, total);

            var random = new Random(42);
            var lastId = string.Empty;
            var current = first;
            while (received.Count < total)
            {
                // Read a few events, drop the connection, come back with the last id seen.
                var take = Math.Min(random.Next(5, 30), total - received.Count);
                for (var i = 0; i < take; i++)
                {
                    var next = await current.ResponseStream.NextAsync();
                    received.Add(next.EventId);
                    lastId = next.EventId;
                }
                if (!ReferenceEquals(current, first))
                {
                    current.Dispose();
                }
                current = client.WatchRevocations(new WatchRevocationsRequest { TenantId = tenant, AfterEventId = lastId });
            }
            current.Dispose();

            Assert.Equal(await emitted.WithTimeout(TimeSpan.FromSeconds(30)), received);
        }
    }

    private static async Task<List<string>> EmitAsync(RevocationService.RevocationServiceClient client, string tenant, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var result = await client.RevokeUserAsync(new RevokeUserRequest { TenantId = tenant, UserId = "u" + i }).ResponseAsync.WithTimeout();
            ids.Add(result.EventId);
            if (i % 10 == 0)
            {
                await Task.Delay(5);
            }
        }
        return ids;
    }
}
