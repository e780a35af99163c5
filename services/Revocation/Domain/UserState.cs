namespace Identity.Revocation.Domain;

/// <summary>
/// A user's blocks and revocation watermark ("nothing issued before it is valid").
/// <see cref="TenantNotRestored"/>: the tenant's blocks have not been rebuilt from Directory since
/// the store lost its state, so this answer cannot vouch for the user.
/// </summary>
public readonly record struct UserState(BlockOrigins Blocks, DateTimeOffset? Watermark, bool TenantNotRestored = false)
{
    public bool Blocked => Blocks != BlockOrigins.None;
}
