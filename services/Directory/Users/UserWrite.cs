using Identity.Directory.Auditing;

namespace Identity.Directory.Users;

/// <summary>
/// One atomic change to a user: the new state, the version it must replace (0 = the user
/// must not exist yet), and the audit entry and feed event written with it.
/// </summary>
public sealed record UserWrite(StoredUser User, long ExpectedVersion, AuditEntry Audit, UserChangeType Change);
