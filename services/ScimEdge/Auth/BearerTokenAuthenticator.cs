using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using Identity.Contracts.Directory.V1;

namespace Identity.ScimEdge.Auth;

/// <summary>
/// Validates bearer tokens with Directory and caches each success until Directory's
/// valid_until (at most 30 s), so a revoked token stops working within that bound while
/// a busy IdP does not cost one Directory call per request. The cache is keyed by the
/// token's SHA-256, so no secret sits in memory longer than the request.
/// </summary>
public sealed class BearerTokenAuthenticator(DirectoryService.DirectoryServiceClient directory, TimeProvider time)
{
    private const int MaxCachedTokens = 10_000;
    private readonly ConcurrentDictionary<string, CachedToken> _cache = new(StringComparer.Ordinal);

    private sealed record CachedToken(ScimTenant Tenant, DateTimeOffset ValidUntil);

    /// <summary>The tenant of <paramref name="secret"/>, or null when Directory does not accept it.</summary>
    public async Task<ScimTenant?> AuthenticateAsync(string secret, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(key, out var cached) && cached.ValidUntil > now)
        {
            return cached.Tenant;
        }
        try
        {
            var answer = await directory.AuthenticateTokenAsync(new AuthenticateTokenRequest { Secret = secret }, cancellationToken: cancellationToken);
            var tenant = new ScimTenant(answer.TenantId, answer.TokenId);
            if (_cache.Count >= MaxCachedTokens)
            {
                _cache.Clear();
            }
            _cache[key] = new CachedToken(tenant, answer.ValidUntil.ToDateTimeOffset());
            return tenant;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Unauthenticated)
        {
            _cache.TryRemove(key, out _);
            return null;
        }
    }
}
