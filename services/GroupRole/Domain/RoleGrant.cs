namespace Identity.GroupRole.Domain;

/// <summary>One role and every reason the user holds it.</summary>
public sealed record RoleGrant(string Role, IReadOnlyList<RoleGrantSource> Sources);
