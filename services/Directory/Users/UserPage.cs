namespace Identity.Directory.Users;

/// <summary>A page of users and, when asked for, how many matched in all.</summary>
public sealed record UserPage(IReadOnlyList<StoredUser> Users, int? Total);
