namespace Identity.Revocation.Domain;

/// <summary>What a check found; mirrors the contract's CredentialStatus without depending on it.</summary>
public enum CredentialState
{
    Valid,
    Revoked,
    Blocked,
    Unknown,
    Expired,
}
