using Grpc.Core;
using Identity.Contracts.Common.V1;
using Identity.Contracts.Directory.V1;
using Identity.Contracts.GroupRole.V1;
using Identity.Revocation.Domain;
using Identity.Revocation.Storage;
using Microsoft.Extensions.Options;

namespace Identity.Revocation.Reconciliation;

/// <summary>
/// Brings one tenant's derived state in step with Directory, the source of truth: every user
/// Directory has deactivated or deleted holds a lifecycle block here and is suspended in GroupRole;
/// a lifecycle block on a user Directory has reactivated since is lifted. Security blocks are never
/// touched. Each repair is counted and logged.
/// </summary>
internal sealed class TenantReconciler(IRevocationStore store, RepairMetrics metrics, IOptions<RevocationReconcilerOptions> options, ILogger<TenantReconciler> logger)
{
    private static readonly MutationContext ReconcilerContext = new() { Actor = "revocation-reconciler" };

    public async Task ReconcileAsync(ReconcilerClients clients, string tenantId, TenantReport report, CancellationToken cancellationToken)
    {
        var inactive = new HashSet<string>(StringComparer.Ordinal);
        using (var call = clients.Directory.StreamInactiveUsers(new StreamInactiveUsersRequest { TenantId = tenantId }, cancellationToken: cancellationToken))
        {
            while (await call.ResponseStream.MoveNext(cancellationToken))
            {
                var batch = call.ResponseStream.Current.Users;
                await Parallel.ForEachAsync(batch, Parallelism(cancellationToken), (user, ct) => RepairInactiveAsync(clients, tenantId, user, report, ct));
                inactive.UnionWith(batch.Select(u => u.UserId));
            }
        }
        report.InactiveUsers = inactive.Count;

        foreach (var userId in await store.ListLifecycleBlockedAsync(tenantId, cancellationToken))
        {
            if (!inactive.Contains(userId) && await LiftIfReactivatedAsync(clients.Directory, tenantId, userId, cancellationToken))
            {
                report.StaleBlocksLifted++;
            }
        }
    }

    private ParallelOptions Parallelism(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = cancellationToken };

    private async ValueTask RepairInactiveAsync(ReconcilerClients clients, string tenantId, InactiveUser user, TenantReport report, CancellationToken cancellationToken)
    {
        var reason = user.Deleted ? "deleted" : "deactivated";
        var state = await store.GetUserStateAsync(tenantId, user.UserId, cancellationToken);
        if (!state.Blocks.HasFlag(BlockOrigins.Lifecycle))
        {
            await store.RevokeUserAsync(tenantId, user.UserId, BlockOrigins.Lifecycle, "reconciler: " + reason, cancellationToken);
            metrics.Repaired(RepairKind.BlockAdded);
            logger.ReconcilerBlocked(tenantId, user.UserId, reason);
            report.BlockAdded();
        }
        if (clients.Groups is { } groups)
        {
            var roles = await groups.GetEffectiveRolesAsync(new GetEffectiveRolesRequest { TenantId = tenantId, UserId = user.UserId },
                cancellationToken: cancellationToken);
            if (!roles.Suspended)
            {
                await groups.SetUserSuspendedAsync(
                    new SetUserSuspendedRequest { TenantId = tenantId, UserId = user.UserId, Suspended = true, Context = ReconcilerContext },
                    cancellationToken: cancellationToken);
                metrics.Repaired(RepairKind.SuspensionAdded);
                logger.ReconcilerSuspended(tenantId, user.UserId, reason);
                report.SuspensionAdded();
            }
        }
    }

    // Lifted only when Directory shows the user active with a write *after* the block: a reactivation
    // whose unblock was lost. A block newer than Directory's last write is a deprovisioning in flight
    // (the edge blocks before it writes Directory) or one that failed half-way, which must stay locked out.
    private async Task<bool> LiftIfReactivatedAsync(DirectoryService.DirectoryServiceClient directory, string tenantId, string userId, CancellationToken cancellationToken)
    {
        User user;
        try
        {
            user = (await directory.GetUserAsync(new GetUserRequest { TenantId = tenantId, UserId = userId }, cancellationToken: cancellationToken)).User;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            // Unknown to Directory (deleted and gone, or never there): nobody to let back in.
            return false;
        }
        var state = await store.GetUserStateAsync(tenantId, userId, cancellationToken);
        // Compared in whole milliseconds (the watermark's precision): a write in the block's millisecond counts as before it.
        if (!user.Active || user.Deleted is not null || state.Watermark is not { } blockedAt || user.LastModified is null
            || user.LastModified.ToDateTimeOffset().ToUnixTimeMilliseconds() <= blockedAt.ToUnixTimeMilliseconds())
        {
            return false;
        }
        var result = await store.UnblockUserAsync(tenantId, userId, BlockOrigins.Lifecycle, cancellationToken);
        if (result.WasBlocked)
        {
            metrics.Repaired(RepairKind.StaleBlockLifted);
            logger.ReconcilerUnblocked(tenantId, userId, result.StillBlocked);
        }
        return result.WasBlocked;
    }
}
