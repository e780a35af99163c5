using System.Text.Json.Serialization;

namespace Identity.Directory.Users;

/// <summary>
/// A user as stored: the SCIM resource (the source of truth, with id and meta written by
/// Directory) plus the fields derived from it for indexes. <see cref="Ordinal"/> is the
/// per-tenant position of the creation event; it orders users by creation and breaks ties.
/// </summary>
public sealed record StoredUser(
    string TenantId,
    string Id,
    long Ordinal,
    string UserName,
    string? ExternalId,
    string? DisplayName,
    bool? Active,
    IReadOnlyList<UserEmail> Emails,
    string ResourceJson,
    long Version,
    DateTimeOffset Created,
    DateTimeOffset LastModified,
    UserOrigin Origin,
    bool IdpManaged,
    DateTimeOffset? Deleted,
    VerifiedIdentifiers JitVerified = VerifiedIdentifiers.None)
{
    // The derived properties below stay out of the feed snapshot (StoredUserJson): they are recomputed on read.
    [JsonIgnore]
    public string UserNameKey => UserName.ToLowerInvariant();

    [JsonIgnore]
    public string? ExternalIdKey => ExternalId?.ToLowerInvariant();

    /// <summary>The primary email, or the first one when none is marked primary.</summary>
    [JsonIgnore]
    public string? PrimaryEmail => (Emails.FirstOrDefault(e => e.Primary) ?? (Emails.Count > 0 ? Emails[0] : null))?.Value;

    [JsonIgnore]
    public bool IsDeleted => Deleted is not null;

    /// <summary>Absent <c>active</c> counts as active: IdPs always send it, and apps treat a new user as enabled.</summary>
    [JsonIgnore]
    public bool IsActive => Active ?? true;
}
