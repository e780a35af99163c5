namespace Identity.Directory.Users;

/// <summary>
/// Which identifiers of a JIT user the application verified at login (e.g. from the IdP's SSO
/// assertion). Kept with the user: a SCIM create may adopt it only through one of these.
/// </summary>
[Flags]
public enum VerifiedIdentifiers
{
    None = 0,
    ExternalId = 1,
    UserName = 2,
    Email = 4,
}
