using Grpc.Core;
using Identity.Contracts.Directory.V1;
using Identity.Contracts.GroupRole.V1;
using Identity.Revocation.Rebuild;
using Identity.Revocation.Storage;
using Microsoft.Extensions.Options;

namespace Identity.Revocation.Reconciliation;

/// <summary>
/// Keeps Revocation and GroupRole in step with Directory, on a schedule and on demand. The
/// tenants come from Directory's list, never from what this process or its store remembers (a
/// wiped Redis forgets them). A tenant whose blocks were lost is rebuilt first. The edge blocks
/// before it writes Directory, so drift comes only from failures half-way; this pass closes it.
/// </summary>
/// <remarks>
/// It lives in Revocation because the derived state that must be right before anything is trusted
/// is Revocation's, and the rebuild and this pass read the same Directory stream; GroupRole is
/// repaired through its public RPCs, so no fourth deployable is needed.
/// </remarks>
public sealed class RevocationReconciler(
    IServiceProvider services,
    TenantRestorer restorer,
    IOptions<RevocationReconcilerOptions> options,
    TimeProvider time,
    ILogger<RevocationReconciler> logger) : BackgroundService
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public bool HasDirectory => !string.IsNullOrWhiteSpace(options.Value.DirectoryAddress);

    /// <summary>Runs one pass now (after any pass already running).</summary>
    public async Task<ReconcileReport> ReconcileNowAsync(CancellationToken cancellationToken)
    {
        if (!HasDirectory)
        {
            throw new InvalidOperationException("No Directory address: set Reconciler__DirectoryAddress or Downstream__Directory.");
        }
        var clients = new ReconcilerClients(
            services.GetRequiredService<DirectoryService.DirectoryServiceClient>(),
            string.IsNullOrWhiteSpace(options.Value.GroupRoleAddress) ? null : services.GetRequiredService<GroupRoleService.GroupRoleServiceClient>());
        var tenantReconciler = services.GetRequiredService<TenantReconciler>();
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var reports = new List<TenantReport>();
            var failed = new List<string>();
            await foreach (var tenantId in DirectoryTenants.ListAsync(clients.Directory, options.Value.PageSize, cancellationToken))
            {
                var report = new TenantReport();
                try
                {
                    report.Rebuilt = await restorer.EnsureRestoredAsync(tenantId, cancellationToken);
                    await tenantReconciler.ReconcileAsync(clients, tenantId, report, cancellationToken);
                    reports.Add(report);
                }
                catch (Exception ex) when (ex is RpcException or StoreUnavailableException && !cancellationToken.IsCancellationRequested)
                {
                    logger.ReconcilerTenantFailed(tenantId, ex);
                    reports.Add(report);
                    failed.Add(tenantId);
                }
            }
            var total = new ReconcileReport(
                reports.Count,
                reports.Sum(r => r.InactiveUsers),
                reports.Sum(r => r.BlocksAdded),
                reports.Sum(r => r.StaleBlocksLifted),
                reports.Sum(r => r.SuspensionsAdded),
                reports.Count(r => r.Rebuilt),
                failed);
            logger.ReconcilerPass(total.Tenants, total.InactiveUsers, total.Repairs, total.TenantsRebuilt);
            return total;
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
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                // The host is stopping: a call cut short by it is our own stop, not a failure.
                return;
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

    public override void Dispose()
    {
        _oneAtATime.Dispose();
        base.Dispose();
    }
}
