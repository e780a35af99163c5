using Identity.Directory.Users;

namespace Identity.Directory.Auditing;

/// <summary>
/// One entry of a tenant's event log at its position <see cref="Sequence"/> (1, 2, 3, ...
/// per tenant). User changes carry the feed type and the user after the change; the same
/// log serves the audit trail and the change feed, so neither can miss what the other saw.
/// </summary>
public sealed record LoggedEvent(long Sequence, AuditEntry Audit, UserChangeType Change, StoredUser? User);
