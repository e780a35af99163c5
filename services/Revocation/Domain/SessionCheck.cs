namespace Identity.Revocation.Domain;

/// <summary>The answer to a session check; <see cref="ExpiresAt"/> is null when the session is unknown.</summary>
public readonly record struct SessionCheck(CredentialState State, DateTimeOffset? ExpiresAt);
