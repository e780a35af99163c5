namespace Identity.Directory.Auditing;

/// <summary>
/// What an audit entry records. The numbers are persisted in the event log (SQLite
/// <c>events.action</c>, MongoDB <c>action</c>), so they never change and are never reused.
/// </summary>
public enum AuditAction
{
    Unspecified = 0,
    UserCreated = 1,
    UserReplaced = 2,
    UserDeleted = 3,
    UserAdopted = 4,
    UserJitCreated = 5,
    UserJitUpdated = 6,
    TenantCreated = 7,
    TenantUpdated = 8,
    TokenIssued = 9,
    TokenRevoked = 10,
    GroupChanged = 11,
}
