namespace Identity.Revocation.Domain;

/// <summary>The answer to a token check; the user and expiry are null when the token is unknown.</summary>
public readonly record struct TokenCheck(CredentialState State, string? UserId, DateTimeOffset? ExpiresAt);
