namespace Identity.Directory.Users;

/// <summary>What a lookup matches on; stores compare lower-cased values.</summary>
public enum UserKey
{
    UserName,
    ExternalId,
    Email,
    PrimaryEmail,
}
