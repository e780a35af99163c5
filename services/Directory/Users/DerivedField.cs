namespace Identity.Directory.Users;

/// <summary>The stored fields derived from a User that stores index and can filter on directly.</summary>
public enum DerivedField
{
    None,
    Id,
    UserName,
    ExternalId,
    Active,
    EmailValue,
    Created,
    LastModified,
}
