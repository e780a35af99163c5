namespace Identity.GroupRole.Domain;

/// <summary>A user's roles with their sources; empty while suspended.</summary>
public sealed record EffectiveRoles(bool Suspended, IReadOnlyList<RoleGrant> Roles)
{
    public static EffectiveRoles None { get; } = new(false, []);
}
