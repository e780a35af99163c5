using Identity.Scim.Filters;

namespace Identity.GroupRole.Domain;

/// <summary>
/// A validated group listing: a filter already checked by <see cref="Filtering.GroupFilterFields"/>,
/// a sort field, and a zero-based offset.
/// </summary>
public sealed record GroupQuery(FilterNode? Filter, GroupField SortBy, bool Descending, int Offset, int Count);
