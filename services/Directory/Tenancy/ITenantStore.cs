using Identity.Directory.Auditing;

namespace Identity.Directory.Tenancy;

/// <summary>Tenants and the hashes of their bearer tokens; each change appends its audit entry atomically.</summary>
public interface ITenantStore
{
    /// <summary>Creates the tenant, or returns the existing one with <c>Created=false</c> when its id is taken.</summary>
    Task<(TenantRecord Tenant, bool Created)> CreateTenantAsync(TenantRecord tenant, AuditEntry audit, CancellationToken cancellationToken);

    Task<TenantRecord?> GetTenantAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Replaces the tenant's settings; null when it does not exist.</summary>
    Task<TenantRecord?> UpdateTenantAsync(TenantRecord tenant, AuditEntry audit, CancellationToken cancellationToken);

    /// <summary>Stores a token; returns false when a token with the same hash already exists.</summary>
    Task<bool> AddTokenAsync(TokenRecord token, AuditEntry audit, CancellationToken cancellationToken);

    Task<TokenRecord?> FindTokenByHashAsync(byte[] secretHash, CancellationToken cancellationToken);

    Task<TokenRecord?> GetTokenAsync(string tenantId, string tokenId, CancellationToken cancellationToken);

    /// <summary>Marks the token revoked (or expiring) at <paramref name="at"/>; keeps an earlier revocation. Null when unknown.</summary>
    Task<TokenRecord?> RevokeTokenAsync(string tenantId, string tokenId, DateTimeOffset at, AuditEntry audit, CancellationToken cancellationToken);

    Task<IReadOnlyList<TokenRecord>> ListTokensAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> tenant ids above <paramref name="afterId"/> (ordinal order); null starts at the first.</summary>
    Task<IReadOnlyList<string>> ListTenantIdsAsync(string? afterId, int limit, CancellationToken cancellationToken);
}
