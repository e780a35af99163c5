using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Identity.Contracts.Directory.V1;
using Identity.Revocation.Domain;
using Identity.Revocation.Reconciliation;
using Identity.Revocation.Storage;
using Microsoft.Extensions.Options;

namespace Identity.Revocation.Rebuild;

/// <summary>
/// Rebuilds a tenant's lifecycle blocks from Directory's stream of deactivated and deleted users,
/// then marks the tenant restored in the store, so the store vouches for its users again. One
/// rebuild per tenant at a time: every caller that finds the tenant unrestored joins it.
/// </summary>
public sealed class TenantRestorer(
    IServiceProvider services,
    IRevocationStore store,
    IOptions<RevocationStorageOptions> storage,
    IOptions<RevocationReconcilerOptions> reconciler,
    RepairMetrics metrics,
    ILogger<TenantRestorer> logger)
{
    private const int MaxAttempts = 3;

    private readonly ConcurrentDictionary<string, Lazy<Task<int>>> _running = new(StringComparer.Ordinal);

    /// <summary>Whether the store refuses to vouch for unrestored tenants (it does when a Directory address is configured).</summary>
    public bool FailsClosed => storage.Value.FailClosedUntilRebuilt ?? false;

    /// <summary>
    /// Rebuilds the tenant (or joins the rebuild already running) and answers how many blocks it
    /// restored. Throws <see cref="RpcException"/> from Directory: NOT_FOUND for a tenant it does not know.
    /// </summary>
    public Task<int> RestoreAsync(string tenantId, CancellationToken cancellationToken)
    {
        var run = _running.GetOrAdd(tenantId, id => new Lazy<Task<int>>(() => Observed(RunAsync(id))));
        // The rebuild itself ignores the caller's cancellation: others may be waiting on it.
        return run.Value.WaitAsync(cancellationToken);
    }

    /// <summary>Rebuilds the tenant if the store does not vouch for it; true when it did.</summary>
    public async Task<bool> EnsureRestoredAsync(string tenantId, CancellationToken cancellationToken)
    {
        if (!FailsClosed || await store.IsTenantRestoredAsync(tenantId, cancellationToken))
        {
            return false;
        }
        await RestoreAsync(tenantId, cancellationToken);
        return true;
    }

    /// <summary>Rebuilds every tenant Directory lists that the store does not vouch for; answers how many it rebuilt.</summary>
    public async Task<int> RestoreAllAsync(CancellationToken cancellationToken)
    {
        var rebuilt = 0;
        await foreach (var tenantId in DirectoryTenants.ListAsync(Directory(), reconciler.Value.PageSize, cancellationToken))
        {
            if (await EnsureRestoredAsync(tenantId, cancellationToken))
            {
                rebuilt++;
            }
        }
        return rebuilt;
    }

    // Every waiter may have given up (its deadline passed) before the rebuild fails: the failure is
    // then nobody's to observe, and an unobserved fault must not surface as a process-wide error.
    private static Task<int> Observed(Task<int> rebuild)
    {
        rebuild.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return rebuild;
    }

    private DirectoryService.DirectoryServiceClient Directory() => services.GetRequiredService<DirectoryService.DirectoryServiceClient>();

    private async Task<int> RunAsync(string tenantId)
    {
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var started = Stopwatch.GetTimestamp();
                var token = await store.BeginRestoreAsync(tenantId, CancellationToken.None);
                var restored = await CopyBlocksAsync(tenantId);
                // Only after every block is written, and only if nothing was lost meanwhile: from
                // here on the store answers for this tenant.
                if (await store.MarkTenantRestoredAsync(tenantId, token, CancellationToken.None))
                {
                    metrics.TenantRebuilt(restored);
                    logger.TenantRebuilt(tenantId, restored, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    return restored;
                }
                if (attempt == MaxAttempts)
                {
                    throw new StoreUnavailableException($"Revocation's state was lost {MaxAttempts} times while tenant '{tenantId}' was rebuilt.");
                }
            }
        }
        finally
        {
            // A later loss of state needs a new rebuild, not this finished one.
            _running.TryRemove(tenantId, out _);
        }
    }

    private async Task<int> CopyBlocksAsync(string tenantId)
    {
        var restored = 0;
        using var call = Directory().StreamInactiveUsers(new StreamInactiveUsersRequest { TenantId = tenantId });
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            var batch = call.ResponseStream.Current.Users
                .Select(u => new LifecycleBlock(u.UserId, u.InactiveSince?.ToDateTimeOffset() ?? DateTimeOffset.UnixEpoch, u.Deleted))
                .ToList();
            await store.RestoreBlocksAsync(tenantId, batch, CancellationToken.None);
            restored += batch.Count;
        }
        return restored;
    }
}
