namespace Identity.GroupRole.Domain;

/// <summary>The group attributes a filter or sort may name.</summary>
public enum GroupField
{
    Id,
    DisplayName,
    ExternalId,
    Created,
    LastModified,
    MemberValue,
    MemberType,
}
