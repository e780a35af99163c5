namespace Identity.Revocation.Domain;

/// <summary>A session an application registered; times are UTC.</summary>
public sealed record SessionRecord(
    string TenantId,
    string UserId,
    string SessionId,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    IReadOnlyDictionary<string, string> Attributes);
