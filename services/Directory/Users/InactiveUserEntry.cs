namespace Identity.Directory.Users;

/// <summary>
/// A user who is out: deactivated (active=false) or soft-deleted. <see cref="Since"/> is the deletion
/// time, or for a deactivated user the last write that left them inactive (at or after the deactivation).
/// </summary>
public sealed record InactiveUserEntry(string UserId, long Ordinal, DateTimeOffset Since, bool Deleted);
