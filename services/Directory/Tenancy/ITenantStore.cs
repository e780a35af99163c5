namespace Identity.Directory.Tenancy;

/// <summary>Tenants and the hashes of their bearer tokens.</summary>
public interface ITenantStore
{
    /// <summary>Creates the tenant, or returns the existing one with <c>Created=false</c> when its id is taken.</summary>
    Task<(TenantRecord Tenant, bool Created)> CreateTenantAsync(TenantRecord tenant, CancellationToken cancellationToken);

    Task<TenantRecord?> GetTenantAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Stores a token; returns false when a token with the same hash already exists.</summary>
    Task<bool> AddTokenAsync(TokenRecord token, CancellationToken cancellationToken);

    Task<TokenRecord?> FindTokenByHashAsync(byte[] secretHash, CancellationToken cancellationToken);

    Task<TokenRecord?> GetTokenAsync(string tenantId, string tokenId, CancellationToken cancellationToken);

    /// <summary>Marks the token revoked (or expiring) at <paramref name="at"/>; keeps an earlier revocation.</summary>
    Task<TokenRecord?> RevokeTokenAsync(string tenantId, string tokenId, DateTimeOffset at, CancellationToken cancellationToken);

    Task<IReadOnlyList<TokenRecord>> ListTokensAsync(string tenantId, CancellationToken cancellationToken);
}
