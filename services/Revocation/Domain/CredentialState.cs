namespace Identity.Revocation.Domain;

/// <summary>What a check found; mirrors the contract's CredentialStatus without depending on it.</summary>
public enum CredentialState
{
    Valid,
    Revoked,
    Blocked,
    Unknown,
    Expired,

    /// <summary>The tenant's blocks are being rebuilt: no answer yet (the service says "retry", never a status).</summary>
    NotRestored,
}
