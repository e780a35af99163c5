using Identity.Scim.Filters;

namespace Identity.Directory.Users;

/// <summary>
/// A listing in creation order: users after <see cref="AfterOrdinal"/>, skipping
/// <see cref="Offset"/> matches, at most <see cref="Limit"/>. Stores push what they can of
/// <see cref="Filter"/> into their query and evaluate the rest with the SCIM core.
/// </summary>
public sealed record UserQuery(
    string TenantId,
    FilterNode? Filter,
    bool IncludeDeleted,
    long AfterOrdinal,
    int Offset,
    int Limit,
    bool CountTotal);
