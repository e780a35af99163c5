namespace Identity.GroupRole.Domain;

/// <summary>One direct member of a group; <see cref="Display"/> is what the IdP sent, informational only.</summary>
public sealed record MemberRecord(string MemberId, MemberKind Kind, string? Display = null);
