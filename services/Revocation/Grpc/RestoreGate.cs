using Grpc.Core;
using Identity.Revocation.Rebuild;
using Microsoft.Extensions.Options;

namespace Identity.Revocation.Grpc;

/// <summary>
/// What an RPC does when the store cannot vouch for a tenant: trigger (or join) the tenant's
/// rebuild, wait for it briefly, and otherwise answer "retry" (UNAVAILABLE, reason Rebuilding),
/// never a verdict the caller could mistake for valid.
/// </summary>
public sealed class RestoreGate(TenantRestorer restorer, IOptions<RebuildOptions> options, ILogger<RestoreGate> logger)
{
    /// <summary>Runs <paramref name="call"/>; when it finds the tenant unrestored, rebuilds it and runs it once more.</summary>
    public async Task<T> VouchedAsync<T>(string tenantId, Func<Task<T>> call, Func<T, bool> notRestored, CancellationToken cancellationToken)
    {
        var result = await call();
        if (!notRestored(result))
        {
            return result;
        }
        await RestoreOrThrowAsync(tenantId, cancellationToken);
        result = await call();
        // Lost again between the rebuild and this call (a second wipe): still no verdict.
        return notRestored(result) ? throw Errors.Rebuilding(tenantId) : result;
    }

    private async Task RestoreOrThrowAsync(string tenantId, CancellationToken cancellationToken)
    {
        try
        {
            await restorer.RestoreAsync(tenantId, cancellationToken).WaitAsync(options.Value.InlineWait, cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            throw Errors.TenantUnknown(tenantId);
        }
        catch (Exception ex) when (ex is TimeoutException or RpcException or Storage.StoreUnavailableException && !cancellationToken.IsCancellationRequested)
        {
            // The rebuild goes on in the background (or is retried by the next caller and the loop).
            if (ex is not TimeoutException)
            {
                logger.TenantRebuildFailed(tenantId, ex);
            }
            throw Errors.Rebuilding(tenantId);
        }
    }
}
