using Grpc.Core;
using Identity.Revocation.Storage;
using Microsoft.Extensions.Options;

namespace Identity.Revocation.Rebuild;

/// <summary>
/// Rebuilds every tenant Directory lists that the store no longer vouches for: at start (a new
/// in-process store holds nothing) and then every <see cref="RebuildOptions.CheckInterval"/>, so a
/// wiped Redis is rebuilt before most callers notice. A caller that finds its tenant unrestored
/// first does not wait for this loop: it triggers that tenant's rebuild itself.
/// </summary>
public sealed class StartupRebuild(TenantRestorer restorer, IOptions<RebuildOptions> options, TimeProvider time, ILogger<StartupRebuild> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!restorer.FailsClosed)
        {
            return;
        }
        var delay = options.Value.RetryDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await restorer.RestoreAllAsync(stoppingToken);
                delay = options.Value.CheckInterval;
            }
            catch (Exception ex) when (ex is RpcException or StoreUnavailableException && !stoppingToken.IsCancellationRequested)
            {
                // Directory or the store is not reachable yet; callers are answered "retry" meanwhile.
                logger.RebuildPassFailed(ex);
                delay = options.Value.RetryDelay;
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                // The host is stopping: a Directory call cut short by it is our own stop, not a failure.
                return;
            }
            try
            {
                await Task.Delay(delay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
