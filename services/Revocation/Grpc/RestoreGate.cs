using System.Collections.Concurrent;
using Grpc.Core;
using Identity.Revocation.Rebuild;
using Microsoft.Extensions.Options;

namespace Identity.Revocation.Grpc;

/// <summary>
/// What an RPC does when the store cannot vouch for a tenant: trigger (or join) the tenant's
/// rebuild, wait for it briefly, and otherwise answer "retry" (UNAVAILABLE, reason Rebuilding),
/// never a verdict the caller could mistake for valid.
/// </summary>
public sealed class RestoreGate(TenantRestorer restorer, IOptions<RebuildOptions> options, TimeProvider time, ILogger<RestoreGate> logger)
{
    // A tenant Directory does not know is remembered briefly, so calls naming a made-up tenant
    // cost Directory one lookup per interval rather than one each.
    private static readonly TimeSpan UnknownTenantMemory = TimeSpan.FromSeconds(5);
    private const int MaxUnknownTenants = 10_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _unknownUntil = new(StringComparer.Ordinal);

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
        if (_unknownUntil.TryGetValue(tenantId, out var until))
        {
            if (time.GetUtcNow() < until)
            {
                throw Errors.TenantUnknown(tenantId);
            }
            _unknownUntil.TryRemove(tenantId, out _);
        }
        try
        {
            // One wait carries both the caller's token and the inline bound: a second wrapper task
            // would be left to fault unobserved when the bound passes first and the rebuild then fails.
            await restorer.RestoreAsync(tenantId, CancellationToken.None).WaitAsync(options.Value.InlineWait, cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            // Bounded, so a flood of made-up tenant ids cannot grow it without end.
            if (_unknownUntil.Count >= MaxUnknownTenants)
            {
                _unknownUntil.Clear();
            }
            _unknownUntil[tenantId] = time.GetUtcNow() + UnknownTenantMemory;
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
