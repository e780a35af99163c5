using System.ComponentModel.DataAnnotations;

namespace Identity.ScimEdge.Protection;

/// <summary>Each tenant's share of the edge. Bound from <c>RateLimits</c>.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Sustained SCIM requests per second per tenant (<c>RateLimits__PermitsPerSecond</c>).</summary>
    [Range(1, 1_000_000, ErrorMessage = "RateLimits__PermitsPerSecond must be between 1 and 1000000.")]
    public int PermitsPerSecond { get; set; } = 100;

    /// <summary>Requests a tenant may send at once after a quiet spell (<c>RateLimits__Burst</c>).</summary>
    [Range(1, 10_000_000, ErrorMessage = "RateLimits__Burst must be between 1 and 10000000.")]
    public int Burst { get; set; } = 200;

    /// <summary>
    /// Expensive requests (lists, searches, Bulk, large group PATCH) a tenant may have running at once
    /// (<c>RateLimits__MaxConcurrentExpensive</c>). Four keeps a 2-core edge's workers mostly free for
    /// other tenants while an IdP's paged re-sync still runs a few pages in parallel.
    /// </summary>
    [Range(1, 10_000, ErrorMessage = "RateLimits__MaxConcurrentExpensive must be between 1 and 10000.")]
    public int MaxConcurrentExpensive { get; set; } = 4;
}
