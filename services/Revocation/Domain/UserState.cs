namespace Identity.Revocation.Domain;

/// <summary>A user's block and revocation watermark ("nothing issued before it is valid").</summary>
public readonly record struct UserState(bool Blocked, DateTimeOffset? Watermark);
