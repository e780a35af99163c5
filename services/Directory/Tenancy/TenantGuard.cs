using System.Collections.Concurrent;

namespace Identity.Directory.Tenancy;

/// <summary>
/// Answers whether a tenant exists, remembering the ones seen: tenants are never deleted, so
/// a positive answer stays true and writes do not pay a query each.
/// </summary>
public sealed class TenantGuard(ITenantStore tenants)
{
    private readonly ConcurrentDictionary<string, bool> _known = new(StringComparer.Ordinal);

    public async Task<bool> ExistsAsync(string tenantId, CancellationToken cancellationToken)
    {
        if (_known.ContainsKey(tenantId))
        {
            return true;
        }
        if (string.IsNullOrEmpty(tenantId) || await tenants.GetTenantAsync(tenantId, cancellationToken) is null)
        {
            return false;
        }
        _known[tenantId] = true;
        return true;
    }
}
