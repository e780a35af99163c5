using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Identity.Contracts.Directory.V1;

namespace Identity.ScimEdge.Tenancy;

/// <summary>Tenant settings from Directory, cached briefly: they change rarely and every request needs them.</summary>
public sealed class TenantSettingsCache(DirectoryService.DirectoryServiceClient directory, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (TenantSettings Settings, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    /// <summary>The settings if cached and fresh, without calling Directory.</summary>
    public bool TryGetCached(string tenantId, [MaybeNullWhen(false)] out TenantSettings settings)
    {
        if (_cache.TryGetValue(tenantId, out var cached) && cached.Until > time.GetUtcNow())
        {
            settings = cached.Settings;
            return true;
        }
        settings = null;
        return false;
    }

    public async Task<TenantSettings> GetAsync(string tenantId, CancellationToken cancellationToken)
    {
        if (TryGetCached(tenantId, out var fresh))
        {
            return fresh;
        }
        var now = time.GetUtcNow();
        var tenant = (await directory.GetTenantAsync(new GetTenantRequest { TenantId = tenantId }, cancellationToken: cancellationToken)).Tenant;
        var settings = new TenantSettings(tenant.Id, tenant.IdpProfile, tenant.LenientAttributes);
        _cache[tenantId] = (settings, now + Lifetime);
        return settings;
    }

    /// <summary>Forgets a tenant after the admin API changed it.</summary>
    public void Invalidate(string tenantId) => _cache.TryRemove(tenantId, out _);
}
