namespace Identity.GroupRole.Domain;

/// <summary>
/// Grants roles to every effective member of a group, named by id or by display name
/// (matched case-insensitively, so a mapping may precede the group).
/// </summary>
public sealed record RoleMappingRecord(
    string TenantId,
    string Id,
    string? GroupId,
    string? GroupDisplayName,
    IReadOnlyList<string> Roles,
    DateTimeOffset Created);
