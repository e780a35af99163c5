namespace Identity.GroupRole.Domain;

/// <summary>A group as stored: direct member count only, members live in their own records.</summary>
public sealed record GroupRecord(
    string TenantId,
    string Id,
    string DisplayName,
    string? ExternalId,
    long Version,
    DateTimeOffset Created,
    DateTimeOffset LastModified,
    long MemberCount,
    string ExtraJson);
