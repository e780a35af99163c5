namespace Identity.GroupRole.Domain;

/// <summary>Per-user facts GroupRole keeps: suspension (deactivated in the IdP) and the IdP's own role list.</summary>
public sealed record UserState(bool Suspended, IReadOnlyList<string> Roles)
{
    public static UserState Default { get; } = new(false, []);
}
