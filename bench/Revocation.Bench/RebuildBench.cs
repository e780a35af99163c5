using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using Identity.Contracts.Directory.V1;
using Identity.Contracts.Revocation.V1;
using Identity.Directory;
using Identity.Revocation.Client;
using Identity.TestKit;
using Microsoft.Extensions.Configuration;
using StackExchange.Redis;

namespace Identity.Revocation.Bench;

/// <summary>
/// How long Revocation takes to rebuild a tenant's blocks from Directory after losing its state:
/// the real Directory (in this process, SQLite in a temp folder) seeded over gRPC with inactive
/// users, the real Revocation in a child process. Timed from the loss (FLUSHALL; the new process
/// ready) to the first GetUserState of the last seeded user that is answered rather than "retry".
/// </summary>
internal static class RebuildBench
{
    private const int SeedConcurrency = 32;

    public static async Task RunAsync(int users, string stores)
    {
        var folder = Path.Combine(Path.GetTempPath(), "identity-rebuild-bench-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(folder);
        try
        {
            await using var directory = await LoopbackService.StartAsync(DirectoryApp.Create([], b => b.Configuration.AddInMemoryCollection(
                new Dictionary<string, string?>
                {
                    ["Storage:Provider"] = "Sqlite",
                    ["Storage:SqlitePath"] = Path.Combine(folder, "directory.db"),
                    ["Logging:LogLevel:Default"] = "Warning",
                })));
            var tenant = "bench-rebuild-" + Guid.NewGuid().ToString("N")[..8];
            var lastUser = await SeedAsync(new DirectoryService.DirectoryServiceClient(directory.Channel), tenant, users);
            var settings = new Dictionary<string, string>
            {
                ["Downstream__Directory"] = directory.MainUri.ToString(),
                ["Reconciler__Enabled"] = "false",
            };
            if (stores is "all" or "inprocess")
            {
                var started = Stopwatch.GetTimestamp();
                await using var service = await ServiceProcess.StartAsync(redisConnectionString: null, settings);
                var ready = Stopwatch.GetElapsedTime(started);
                var rebuilt = await UntilVouchedAsync(service.MainUri, tenant, lastUser);
                Console.WriteLine($"rebuild [in-process store, new process] {users:N0} inactive users: {rebuilt.TotalSeconds:F2} s after ready (process start to ready {ready.TotalSeconds:F2} s)");
            }
            if (stores is "all" or "redis")
            {
                await using var redis = await RedisServer.StartAsync();
                await using var service = await ServiceProcess.StartAsync(redis.ConnectionString, settings);
                await UntilVouchedAsync(service.MainUri, tenant, lastUser);
                await using (var admin = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",allowAdmin=true"))
                {
                    await admin.GetServers()[0].FlushAllDatabasesAsync();
                }
                var rebuilt = await UntilVouchedAsync(service.MainUri, tenant, lastUser);
                Console.WriteLine($"rebuild [Redis store, after FLUSHALL] {users:N0} inactive users: {rebuilt.TotalSeconds:F2} s");
            }
        }
        finally
        {
            try
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Temp data left behind is harmless.
            }
        }
    }

    private static async Task<string> SeedAsync(DirectoryService.DirectoryServiceClient directory, string tenant, int users)
    {
        await directory.CreateTenantAsync(new CreateTenantRequest { TenantId = tenant });
        var started = Stopwatch.GetTimestamp();
        var next = -1;
        var last = string.Empty;
        await Task.WhenAll(Enumerable.Range(0, SeedConcurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < users)
            {
                var created = await directory.CreateUserAsync(new CreateUserRequest
                {
                    TenantId = tenant,
                    ResourceJson = $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"out{{i}}@example.com","active":false}""",
                });
                if (i == users - 1)
                {
                    last = created.User.Id;
                }
            }
        }));
        Console.WriteLine($"seeded {users:N0} inactive users over gRPC in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s (not part of the figure)");
        return last;
    }

    // The first vouching call triggers the rebuild; "retry" answers are repeated until one is answered.
    private static async Task<TimeSpan> UntilVouchedAsync(Uri service, string tenant, string userId)
    {
        using var channel = GrpcChannel.ForAddress(service);
        var client = new RevocationService.RevocationServiceClient(channel);
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < TimeSpan.FromMinutes(5))
        {
            try
            {
                var state = await client.GetUserStateAsync(new GetUserStateRequest { TenantId = tenant, UserId = userId });
                if (!state.Blocked)
                {
                    throw new InvalidOperationException("The rebuild did not restore the last user's block.");
                }
                return Stopwatch.GetElapsedTime(started);
            }
            catch (RpcException ex) when (RevocationErrors.IsRebuilding(ex))
            {
                // Rebuilding for longer than the inline wait: ask again.
            }
        }
        throw new TimeoutException("The tenant was not rebuilt within 5 minutes.");
    }
}
