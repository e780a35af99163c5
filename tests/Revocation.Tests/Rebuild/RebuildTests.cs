using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Identity.Contracts.Revocation.V1;
using Identity.Revocation.Client;
using Identity.Revocation.Tests.Storage;
using Identity.TestKit;

namespace Identity.Revocation.Tests.Rebuild;

/// <summary>
/// Revocation loses its state (Redis FLUSHALL; a new in-process store) while Directory keeps the
/// truth: until the tenant is rebuilt nothing is answered VALID or registered for a user who is
/// out, and the rebuild restores every lifecycle block.
/// </summary>
public sealed class RebuildTests
{
    private static RegisterSessionRequest Session(string tenant, string user, string session) => new()
    {
        TenantId = tenant,
        UserId = user,
        SessionId = session,
        ExpiresAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(1)),
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task StateLost_DeactivatedAndDeletedUsers_RefusedThenRestoredAsLifecycleBlocks(bool redis)
    {
        await using var server = redis ? await RedisServer.StartAsync().WithTimeout(TimeSpan.FromSeconds(30)) : null;
        await using var stack = await LifecycleStack.StartAsync(server);
        var tenant = await stack.TenantAsync();
        var active = await stack.CreateUserAsync(tenant, "stays@example.com");
        var deactivated = await stack.CreateUserAsync(tenant, "leaves@example.com");
        var deleted = await stack.CreateUserAsync(tenant, "gone@example.com");
        var client = stack.RevocationClient;
        await client.RegisterSessionAsync(Session(tenant, active.Id, "s-active")).ResponseAsync.WithTimeout();
        await client.RegisterSessionAsync(Session(tenant, deactivated.Id, "s-old")).ResponseAsync.WithTimeout();
        // Deny first, as the edge does: block, then write Directory.
        foreach (var user in new[] { deactivated, deleted })
        {
            await client.RevokeUserAsync(new RevokeUserRequest { TenantId = tenant, UserId = user.Id, Origin = BlockOrigin.Lifecycle }).ResponseAsync.WithTimeout();
        }
        await stack.SetActiveAsync(tenant, deactivated, active: false);
        await stack.DeleteUserAsync(tenant, deleted);

        if (server is not null)
        {
            await RedisWipe.FlushAllAsync(server);
        }
        else
        {
            await stack.RestartRevocationAsync();
        }
        client = stack.RevocationClient;
        var register = await Assert.ThrowsAsync<RpcException>(() => client.RegisterSessionAsync(Session(tenant, deactivated.Id, "s-new")).ResponseAsync.WithTimeout());
        var oldCheck = await CheckOrRetryAsync(client, tenant, deactivated.Id, "s-old");
        await TaskTimeouts.EventuallyAsync(async () => await StateOrNullAsync(client, tenant, deactivated.Id) is { Blocked: true });

        Assert.Contains(register.StatusCode, new[] { StatusCode.PermissionDenied, StatusCode.Unavailable });
        Assert.NotEqual(CredentialStatus.Valid, oldCheck);
        Assert.Equal(new[] { BlockOrigin.Lifecycle }, (await StateOrNullAsync(client, tenant, deactivated.Id))!.BlockOrigins);
        Assert.Equal(new[] { BlockOrigin.Lifecycle }, (await StateOrNullAsync(client, tenant, deleted.Id))!.BlockOrigins);
        Assert.False((await StateOrNullAsync(client, tenant, active.Id))!.Blocked);
        var refused = await Assert.ThrowsAsync<RpcException>(() => client.RegisterSessionAsync(Session(tenant, deleted.Id, "s-new")).ResponseAsync.WithTimeout());
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        await client.RegisterSessionAsync(Session(tenant, active.Id, "s-after")).ResponseAsync.WithTimeout();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task StateLost_ManyInactiveUsers_EveryBlockRestored(bool redis)
    {
        await using var server = redis ? await RedisServer.StartAsync().WithTimeout(TimeSpan.FromSeconds(30)) : null;
        await using var stack = await LifecycleStack.StartAsync(server);
        var tenant = await stack.TenantAsync();
        var inactive = new List<string>();
        // More than one of Directory's stream batches (1,000), so paging is exercised.
        foreach (var chunk in Enumerable.Range(0, 1100).Chunk(50))
        {
            var created = await Task.WhenAll(chunk.Select(i => stack.CreateUserAsync(tenant, $"out{i}@example.com", active: false)));
            inactive.AddRange(created.Select(u => u.Id));
        }

        if (server is not null)
        {
            await RedisWipe.FlushAllAsync(server);
        }
        else
        {
            await stack.RestartRevocationAsync();
        }
        var client = stack.RevocationClient;
        await TaskTimeouts.EventuallyAsync(async () => await StateOrNullAsync(client, tenant, inactive[0]) is not null, TimeSpan.FromSeconds(30));

        foreach (var userId in new[] { inactive[0], inactive[999], inactive[1000], inactive[^1] })
        {
            Assert.Equal(new[] { BlockOrigin.Lifecycle }, (await StateOrNullAsync(client, tenant, userId))!.BlockOrigins);
        }
        var states = await Task.WhenAll(inactive.Select(u => StateOrNullAsync(client, tenant, u)));
        Assert.All(states, s => Assert.True(s is { Blocked: true }));
    }

    [Fact]
    public async Task TenantUnknownToDirectory_CallsAnswerNotFoundAndClientRefuses()
    {
        await using var stack = await LifecycleStack.StartAsync();
        var client = stack.RevocationClient;
        var tenant = TestTenant.New();
        await using var checker = new CachedSessionChecker(client, new RevocationClientOptions { FailOpen = true });

        var register = await Assert.ThrowsAsync<RpcException>(() => client.RegisterSessionAsync(Session(tenant, "u1", "s1")).ResponseAsync.WithTimeout());
        var again = await Assert.ThrowsAsync<RpcException>(() => client.RegisterSessionAsync(Session(tenant, "u1", "s1")).ResponseAsync.WithTimeout());
        var verdict = await checker.CheckSessionAsync(tenant, "u1", "s1").AsTask().WithTimeout();

        Assert.Equal((StatusCode.NotFound, StatusCode.NotFound), (register.StatusCode, again.StatusCode));
        Assert.False(verdict.IsAllowed);
        Assert.Equal(CredentialStatus.Unknown, verdict.Status);
    }

    // The rebuild is triggered by the call itself and usually done within it; "retry" is the other allowed answer.
    private static async Task<CredentialStatus> CheckOrRetryAsync(RevocationService.RevocationServiceClient client, string tenant, string userId, string sessionId)
    {
        try
        {
            return (await client.CheckSessionAsync(new CheckSessionRequest { TenantId = tenant, UserId = userId, SessionId = sessionId })
                .ResponseAsync.WithTimeout()).Status;
        }
        catch (RpcException ex) when (RevocationErrors.IsRebuilding(ex))
        {
            return CredentialStatus.Unspecified;
        }
    }

    private static async Task<GetUserStateResponse?> StateOrNullAsync(RevocationService.RevocationServiceClient client, string tenant, string userId)
    {
        try
        {
            return await client.GetUserStateAsync(new GetUserStateRequest { TenantId = tenant, UserId = userId }).ResponseAsync.WithTimeout();
        }
        catch (RpcException ex) when (RevocationErrors.IsRebuilding(ex))
        {
            return null;
        }
    }
}
