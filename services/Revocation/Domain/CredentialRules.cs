namespace Identity.Revocation.Domain;

/// <summary>The one place that decides a credential's state, so both stores answer alike.</summary>
public static class CredentialRules
{
    /// <summary>
    /// An unrestored tenant answers nothing; a block outranks everything (the user is out, whatever the credential); then an individual
    /// revocation or a watermark after issuance; then expiry. Past expiry plus the grace the
    /// credential is forgotten, as if it never was registered.
    /// </summary>
    public static CredentialState Evaluate(
        UserState user,
        DateTimeOffset issuedAt,
        DateTimeOffset expiresAt,
        bool revoked,
        DateTimeOffset now,
        TimeSpan grace)
    {
        if (user.TenantNotRestored)
        {
            return CredentialState.NotRestored;
        }
        if (user.Blocked)
        {
            return CredentialState.Blocked;
        }
        if (now >= expiresAt + grace)
        {
            return CredentialState.Unknown;
        }
        if (revoked || (user.Watermark is { } watermark && issuedAt < watermark))
        {
            return CredentialState.Revoked;
        }
        return now >= expiresAt ? CredentialState.Expired : CredentialState.Valid;
    }

    /// <summary>The answer for a credential the store does not hold.</summary>
    public static CredentialState WithoutCredential(UserState user) =>
        user.TenantNotRestored ? CredentialState.NotRestored : user.Blocked ? CredentialState.Blocked : CredentialState.Unknown;

    /// <summary>Whether a stored credential is past the point where the store may forget it.</summary>
    public static bool IsForgotten(DateTimeOffset expiresAt, DateTimeOffset now, TimeSpan grace) => now >= expiresAt + grace;
}
