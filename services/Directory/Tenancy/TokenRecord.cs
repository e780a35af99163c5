namespace Identity.Directory.Tenancy;

/// <summary>A bearer token as stored: its SHA-256 hash, never the secret.</summary>
public sealed record TokenRecord(
    string TenantId,
    string TokenId,
    byte[] SecretHash,
    string Description,
    DateTimeOffset Created,
    DateTimeOffset? Expires,
    DateTimeOffset? Revoked);
