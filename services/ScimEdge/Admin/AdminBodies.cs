namespace Identity.ScimEdge.Admin;

// Request bodies of the admin API. Every field is optional on the wire; handlers check what they need.

internal sealed record CreateTenantBody(string? TenantId, string? DisplayName, string? IdpProfile);

internal sealed record UpdateTenantBody(string? DisplayName, string? IdpProfile, bool? LenientAttributes);

internal sealed record IssueTokenBody(string? Description, DateTimeOffset? ExpiresAt);

internal sealed record RotateTokenBody(int? OverlapSeconds);

/// <summary>A mapping names its group by id or by display name (matched case-insensitively, so it can exist before the IdP pushes the group).</summary>
internal sealed record PutRoleMappingBody(string? Id, string? GroupId, string? GroupDisplayName, List<string>? Roles);
