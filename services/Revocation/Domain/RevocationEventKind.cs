namespace Identity.Revocation.Domain;

/// <summary>The kinds of feed event; stored by name so the store does not depend on the contract's numbering.</summary>
public enum RevocationEventKind
{
    UserRevoked,
    UserUnblocked,
    SessionRevoked,
    TokenRevoked,
}
