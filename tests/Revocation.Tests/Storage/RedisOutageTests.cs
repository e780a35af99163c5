using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Identity.Contracts.Revocation.V1;
using Identity.TestKit;

namespace Identity.Revocation.Tests.Storage;

/// <summary>Redis goes away and comes back under a running service: checks fail closed meanwhile, and no block is lost.</summary>
public sealed class RedisOutageTests
{
    [Fact]
    public async Task RedisRestart_WhileServing_ChecksUnavailableThenRecoverWithBlocksIntact()
    {
        await using var redis = await RedisServer.StartAsync().WithTimeout(TimeSpan.FromSeconds(30));
        await using var service = await RevocationHost.StartAsync(RevocationHost.Redis(redis.ConnectionString));
        var client = service.Client();
        var tenant = TestTenant.New();
        var blocked = Enumerable.Range(0, 20).Select(i => "gone" + i).ToList();
        foreach (var user in blocked)
        {
            await client.RevokeUserAsync(new RevokeUserRequest { TenantId = tenant, UserId = user, Reason = "deactivated" }).ResponseAsync.WithTimeout();
        }
        await client.RegisterSessionAsync(new RegisterSessionRequest
        {
            TenantId = tenant, UserId = "active", SessionId = "s1", ExpiresAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(1)),
        }).ResponseAsync.WithTimeout();
        var check = new CheckSessionRequest { TenantId = tenant, UserId = "active", SessionId = "s1" };

        await redis.StopAsync().WithTimeout();
        var during = await Assert.ThrowsAsync<RpcException>(() => client.CheckSessionAsync(check).ResponseAsync.WithTimeout());
        await redis.RestartAsync().WithTimeout(TimeSpan.FromSeconds(30));
        await TaskTimeouts.EventuallyAsync(async () =>
        {
            try
            {
                return (await client.CheckSessionAsync(check).ResponseAsync.WithTimeout()).Status == CredentialStatus.Valid;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Unavailable)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(15), "the service reconnects to Redis by itself");

        Assert.Equal(StatusCode.Unavailable, during.StatusCode);
        foreach (var user in blocked)
        {
            var state = await client.GetUserStateAsync(new GetUserStateRequest { TenantId = tenant, UserId = user }).ResponseAsync.WithTimeout();
            Assert.True(state.Blocked, $"{user} lost its block across the restart");
        }
        var refused = await Assert.ThrowsAsync<RpcException>(() => client.RegisterSessionAsync(new RegisterSessionRequest
        {
            TenantId = tenant, UserId = blocked[0], SessionId = "s2", ExpiresAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(1)),
        }).ResponseAsync.WithTimeout());
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    [Fact]
    public async Task RedisDownAtStart_ServiceStartsAnswersUnavailableThenServes()
    {
        await using var redis = await RedisServer.StartAsync().WithTimeout(TimeSpan.FromSeconds(30));
        await redis.StopAsync().WithTimeout();
        await using var service = await RevocationHost.StartAsync(RevocationHost.Redis(redis.ConnectionString));
        var client = service.Client();
        var tenant = TestTenant.New();
        var request = new RevokeUserRequest { TenantId = tenant, UserId = "u1", Reason = "deactivated" };

        var down = await Assert.ThrowsAsync<RpcException>(() => client.RevokeUserAsync(request).ResponseAsync.WithTimeout());
        await redis.RestartAsync().WithTimeout(TimeSpan.FromSeconds(30));
        await TaskTimeouts.EventuallyAsync(async () =>
        {
            try
            {
                await client.GetUserStateAsync(new GetUserStateRequest { TenantId = tenant, UserId = "u1" }).ResponseAsync.WithTimeout();
                return true;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Unavailable)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(15));
        using var watchers = client.WatchRevocations(new WatchRevocationsRequest { TenantId = tenant });
        await watchers.ResponseHeadersAsync.WithTimeout();
        var revoked = await client.RevokeUserAsync(request).ResponseAsync.WithTimeout();

        var received = await watchers.ResponseStream.NextAsync();
        Assert.Equal(StatusCode.Unavailable, down.StatusCode);
        Assert.Equal(revoked.EventId, received.EventId);
    }
}
