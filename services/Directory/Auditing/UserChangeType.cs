namespace Identity.Directory.Auditing;

/// <summary>
/// How a logged event changed a user, as the change feed reports it. The numbers are
/// persisted in the event log (SQLite <c>events.change</c>, MongoDB <c>change</c>), so they
/// never change. Events that are not user changes (tenants, tokens) carry <see cref="Unspecified"/>.
/// </summary>
public enum UserChangeType
{
    Unspecified = 0,
    Created = 1,
    Updated = 2,
    Deactivated = 3,
    Reactivated = 4,
    Deleted = 5,
    Adopted = 6,
}
