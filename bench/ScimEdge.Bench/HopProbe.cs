using System.Diagnostics;
using Grpc.Net.Client;
using Identity.Contracts.Directory.V1;
using Identity.Contracts.GroupRole.V1;

namespace Identity.ScimEdge.Bench;

/// <summary>
/// Times the downstream calls a SCIM GET and filter make, one at a time, straight to Directory and
/// GroupRole: what is left of a SCIM request's latency after these is the edge itself.
/// </summary>
internal static class HopProbe
{
    public static async Task<int> RunAsync(Uri directoryUri, Uri groupRoleUri, string tenant, string userId, string userName, int count, CancellationToken cancellationToken)
    {
        using var directoryChannel = GrpcChannel.ForAddress(directoryUri);
        using var groupRoleChannel = GrpcChannel.ForAddress(groupRoleUri);
        var directory = new DirectoryService.DirectoryServiceClient(directoryChannel);
        var groups = new GroupRoleService.GroupRoleServiceClient(groupRoleChannel);

        await TimeAsync("Directory.GetUser", count, async () =>
            await directory.GetUserAsync(new GetUserRequest { TenantId = tenant, UserId = userId }, cancellationToken: cancellationToken));
        await TimeAsync("Directory.ListUsers(userName eq)", count, async () =>
            await directory.ListUsersAsync(new ListUsersRequest { TenantId = tenant, Filter = $"userName eq \"{userName}\"", Count = 100 }, cancellationToken: cancellationToken));
        await TimeAsync("GroupRole.ListGroupsForUsers(indirect)", count, async () =>
            await groups.ListGroupsForUsersAsync(new ListGroupsForUsersRequest { TenantId = tenant, UserIds = { userId }, IncludeIndirect = true }, cancellationToken: cancellationToken));
        return 0;
    }

    private static async Task TimeAsync(string name, int count, Func<Task> call)
    {
        for (var i = 0; i < 50; i++)
        {
            await call();
        }
        var samples = new double[count];
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await call();
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(samples);
        Console.WriteLine($"{name,-40} n={count} p50={samples[count / 2]:F3} ms p99={samples[count * 99 / 100]:F3} ms");
    }
}
