using System.Security.Cryptography;
using System.Text;
using Identity.Directory.Auditing;

namespace Identity.Directory.Tenancy;

/// <summary>Issues bearer tokens and authenticates them by hash.</summary>
public sealed class TokenService(ITenantStore store, TimeProvider time)
{
    private const string SecretPrefix = "idt_";

    /// <summary>A new random secret: 32 bytes of entropy, URL-safe.</summary>
    public static string NewSecret() => SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string NewTokenId() => "tok_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>
    /// SHA-256 is enough here: secrets carry 256 bits of entropy, so there is nothing to
    /// brute-force, and a slow KDF would put hundreds of milliseconds on every SCIM request.
    /// </summary>
    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public async Task<(TokenRecord Token, string Secret)> IssueAsync(
        string tenantId, string description, DateTimeOffset? expires, string? suppliedSecret, Mutation mutation, CancellationToken cancellationToken)
    {
        var secret = string.IsNullOrEmpty(suppliedSecret) ? NewSecret() : suppliedSecret;
        var now = time.GetUtcNow();
        var token = new TokenRecord(tenantId, NewTokenId(), Hash(secret), description, now, expires, Revoked: null);
        var audit = new AuditEntry(tenantId, now, mutation.Actor, AuditAction.TokenIssued, "Token", token.TokenId, 0, 0, mutation.RequestId, "");
        if (!await store.AddTokenAsync(token, audit, cancellationToken))
        {
            // A supplied secret that is already stored (bootstrap at every start) is the same token again.
            var existing = await store.FindTokenByHashAsync(token.SecretHash, cancellationToken);
            if (existing is null || existing.TenantId != tenantId)
            {
                throw new InvalidOperationException("That secret is already in use.");
            }
            return (existing, secret);
        }
        return (token, secret);
    }

    /// <summary>
    /// Issues a successor with the same description and expiry and lets the old token work for
    /// <paramref name="overlap"/> more, so the IdP can switch without a failed request.
    /// </summary>
    public async Task<(TokenRecord Fresh, string Secret, TokenRecord? Old)> RotateAsync(
        TokenRecord old, TimeSpan overlap, Mutation mutation, CancellationToken cancellationToken)
    {
        var (fresh, secret) = await IssueAsync(old.TenantId, old.Description, old.Expires, suppliedSecret: null, mutation, cancellationToken);
        var retired = await RevokeAsync(old.TenantId, old.TokenId, time.GetUtcNow() + overlap, mutation, cancellationToken);
        return (fresh, secret, retired);
    }

    /// <summary>Revokes the token at <paramref name="at"/> (now, or the end of a rotation's overlap); null when unknown.</summary>
    public Task<TokenRecord?> RevokeAsync(string tenantId, string tokenId, DateTimeOffset at, Mutation mutation, CancellationToken cancellationToken)
    {
        var audit = new AuditEntry(tenantId, time.GetUtcNow(), mutation.Actor, AuditAction.TokenRevoked, "Token", tokenId, 0, 0, mutation.RequestId,
            at > time.GetUtcNow() ? "revoked at the end of a rotation overlap" : "");
        return store.RevokeTokenAsync(tenantId, tokenId, at, audit, cancellationToken);
    }

    /// <summary>The token presented as <paramref name="secret"/>, when it is known, unrevoked and unexpired.</summary>
    public async Task<TokenRecord?> AuthenticateAsync(string secret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 512)
        {
            return null;
        }
        var hash = Hash(secret);
        var token = await store.FindTokenByHashAsync(hash, cancellationToken);
        if (token is null || !CryptographicOperations.FixedTimeEquals(token.SecretHash, hash))
        {
            return null;
        }
        var now = time.GetUtcNow();
        if (token.Revoked is { } revoked && revoked <= now)
        {
            return null;
        }
        return token.Expires is { } expires && expires <= now ? null : token;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
