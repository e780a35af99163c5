using Grpc.Core;
using Identity.Contracts.Directory.V1;
using Identity.Revocation.Storage;
using Microsoft.Extensions.Options;

namespace Identity.Revocation.Reconciliation;

/// <summary>
/// Repairs drift between Directory and Revocation: every user Directory lists as deactivated or
/// deleted must be blocked here. The edge blocks before it writes Directory, so drift comes only
/// from failures half-way; this pass, on a schedule and on demand, closes it.
/// </summary>
public sealed class RevocationReconciler(
    IServiceProvider services,
    IRevocationStore store,
    IOptions<RevocationReconcilerOptions> options,
    TimeProvider time,
    ILogger<RevocationReconciler> logger) : BackgroundService
{
    private const string InactiveFilter = "active eq false";
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public bool HasDirectory => !string.IsNullOrWhiteSpace(options.Value.DirectoryAddress);

    /// <summary>Runs one pass now (after any pass already running).</summary>
    public async Task<ReconcileReport> ReconcileNowAsync(CancellationToken cancellationToken)
    {
        if (!HasDirectory)
        {
            throw new InvalidOperationException("No Directory address: set Reconciler__DirectoryAddress or Downstream__Directory.");
        }
        var directory = services.GetRequiredService<DirectoryService.DirectoryServiceClient>();
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var tenants = (await store.ListTenantsAsync(cancellationToken)).Union(options.Value.Tenants, StringComparer.Ordinal).ToList();
            int inactive = 0, blocked = 0;
            var failed = new List<string>();
            foreach (var tenantId in tenants)
            {
                try
                {
                    var (tenantInactive, tenantBlocked) = await ReconcileTenantAsync(directory, tenantId, cancellationToken);
                    inactive += tenantInactive;
                    blocked += tenantBlocked;
                }
                catch (Exception ex) when (ex is RpcException or StoreUnavailableException && !cancellationToken.IsCancellationRequested)
                {
                    logger.ReconcilerTenantFailed(tenantId, ex);
                    failed.Add(tenantId);
                }
            }
            logger.ReconcilerPass(tenants.Count, inactive, blocked);
            return new ReconcileReport(tenants.Count, inactive, blocked, failed);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsScheduled || !HasDirectory)
        {
            return;
        }
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        do
        {
            try
            {
                await ReconcileNowAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is RpcException or StoreUnavailableException && !stoppingToken.IsCancellationRequested)
            {
                logger.ReconcilerTenantFailed("*", ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<(int Inactive, int Blocked)> ReconcileTenantAsync(DirectoryService.DirectoryServiceClient directory, string tenantId, CancellationToken cancellationToken)
    {
        int inactive = 0, blocked = 0, seen = 0;
        var pageSize = options.Value.PageSize;
        var pageToken = string.Empty;
        while (true)
        {
            var page = await directory.ListUsersAsync(new ListUsersRequest
            {
                TenantId = tenantId,
                Filter = InactiveFilter,
                IncludeDeleted = true,
                SkipTotal = true,
                Count = pageSize,
                PageToken = pageToken,
                StartIndex = pageToken.Length == 0 ? seen + 1 : 0,
            }, cancellationToken: cancellationToken);
            seen += page.Users.Count;
            foreach (var user in page.Users.Where(u => !u.Active || u.Deleted is not null))
            {
                inactive++;
                var state = await store.GetUserStateAsync(tenantId, user.Id, cancellationToken);
                if (!state.Blocked)
                {
                    var reason = user.Deleted is not null ? "deleted" : "deactivated";
                    await store.RevokeUserAsync(tenantId, user.Id, "reconciler: " + reason, cancellationToken);
                    logger.ReconcilerBlocked(tenantId, user.Id, reason);
                    blocked++;
                }
            }
            // Page tokens when Directory gives them; otherwise SCIM start-index paging until a short page.
            pageToken = page.NextPageToken;
            if (page.Users.Count == 0 || (pageToken.Length == 0 && page.Users.Count < pageSize))
            {
                return (inactive, blocked);
            }
        }
    }

    public override void Dispose()
    {
        _oneAtATime.Dispose();
        base.Dispose();
    }
}
