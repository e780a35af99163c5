namespace Identity.Revocation.Domain;

/// <summary>What <c>RevokeUser</c> did: the new watermark, what it revoked, and the event it emitted.</summary>
public sealed record UserRevocation(DateTimeOffset Watermark, int SessionsRevoked, int TokensRevoked, string EventId);
