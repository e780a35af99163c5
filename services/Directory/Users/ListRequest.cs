namespace Identity.Directory.Users;

/// <summary>A ListUsers request as Directory sees it (SCIM startIndex/count, or a page token).</summary>
public sealed record ListRequest(
    string TenantId, string Filter, string SortBy, bool Descending, int StartIndex, int Count, string PageToken, bool IncludeDeleted, bool SkipTotal);
