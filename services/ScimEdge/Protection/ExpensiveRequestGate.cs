using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Identity.ScimEdge.Protection;

/// <summary>
/// A per-tenant cap on concurrent expensive requests (<see cref="ExpensiveRequests"/>), so one tenant's
/// searches or Bulk calls cannot hold every worker while another tenant waits behind them. Beyond the
/// cap the request is refused with 429 + Retry-After rather than queued: IdPs back off on it, and a
/// queue would hold connections. Per replica, like <see cref="TenantRateLimiter"/>.
/// </summary>
public sealed class ExpensiveRequestGate : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public ExpensiveRequestGate(IOptions<RateLimitOptions> options)
    {
        var permits = options.Value.MaxConcurrentExpensive;
        _limiter = PartitionedRateLimiter.Create<string, string>(tenantId => RateLimitPartition.GetConcurrencyLimiter(tenantId, _ =>
            new ConcurrencyLimiterOptions { PermitLimit = permits, QueueLimit = 0 }), StringComparer.Ordinal);
    }

    /// <summary>A held slot (dispose it when the request is done), or null when the tenant's slots are all taken.</summary>
    public IDisposable? TryEnter(string tenantId)
    {
        var lease = _limiter.AttemptAcquire(tenantId);
        if (lease.IsAcquired)
        {
            return lease;
        }
        lease.Dispose();
        return null;
    }

    public void Dispose() => _limiter.Dispose();
}
