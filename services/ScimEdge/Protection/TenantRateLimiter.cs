using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Identity.ScimEdge.Protection;

/// <summary>
/// One token bucket per tenant, so a full re-sync from one IdP cannot starve the others. IdPs
/// (Entra, Okta) back off on 429 + Retry-After, which is why we refuse instead of queueing.
/// Per replica: N edge replicas admit up to N times the configured rate.
/// </summary>
public sealed class TenantRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly int _burst;

    public TenantRateLimiter(IOptions<RateLimitOptions> options)
    {
        var limits = options.Value;
        _burst = limits.Burst;
        _limiter = PartitionedRateLimiter.Create<string, string>(tenantId => RateLimitPartition.GetTokenBucketLimiter(tenantId, _ =>
            new TokenBucketRateLimiterOptions
            {
                TokenLimit = limits.Burst,
                TokensPerPeriod = limits.PermitsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }), StringComparer.Ordinal);
    }

    /// <summary>True when the tenant may go on; otherwise how long it should wait.</summary>
    public bool TryAcquire(string tenantId, out TimeSpan retryAfter) => TryAcquire(tenantId, 1, out retryAfter);

    /// <summary>As <see cref="TryAcquire(string, out TimeSpan)"/> for a request worth several (a Bulk request's operations), at most a full burst.</summary>
    public bool TryAcquire(string tenantId, int permits, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(tenantId, Math.Clamp(permits, 0, _burst));
        if (lease.IsAcquired)
        {
            retryAfter = TimeSpan.Zero;
            return true;
        }
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);
        return false;
    }

    public void Dispose() => _limiter.Dispose();
}
