namespace Identity.Revocation.Domain;

/// <summary>What an unblock did: whether the user held that block, and whether a block of the other origin remains.</summary>
public readonly record struct UnblockResult(bool WasBlocked, bool StillBlocked);
