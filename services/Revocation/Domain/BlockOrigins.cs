namespace Identity.Revocation.Domain;

/// <summary>
/// Which blocks a user holds. Lifecycle follows the IdP (placed on deactivation or deletion,
/// lifted by reactivation); Security is an operator's or tool's RevokeUser, lifted only by an
/// explicit unblock naming it. The user is blocked while either is held.
/// </summary>
[Flags]
public enum BlockOrigins
{
    None = 0,
    Lifecycle = 1,
    Security = 2,
}
