namespace Identity.Revocation.Domain;

/// <summary>An API token known by its id (JWT "jti"), never by its value.</summary>
public sealed record TokenRecord(
    string TenantId,
    string UserId,
    string TokenId,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt);
