namespace Identity.GroupRole.Domain;

/// <summary>
/// Why a role is held: a mapping on a group the user is in directly or through nesting
/// (<see cref="Via"/> runs from the user's direct group to the mapped one), or the IdP's roles on the user.
/// </summary>
public sealed record RoleGrantSource(RoleGrantKind Kind, string? GroupId, string? GroupDisplayName, string? MappingId, IReadOnlyList<string> Via);
