namespace Identity.Directory.Users;

/// <summary>One page of a listing; <see cref="NextPageToken"/> is empty on the last page.</summary>
public sealed record ListResult(IReadOnlyList<StoredUser> Users, int TotalResults, int StartIndex, string NextPageToken);
