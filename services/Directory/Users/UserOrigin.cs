namespace Identity.Directory.Users;

/// <summary>
/// How a user came to exist. The numbers are persisted (SQLite <c>users.origin</c>, MongoDB
/// <c>origin</c>, and the partial indexes that select JIT users), so they never change.
/// </summary>
public enum UserOrigin
{
    Unspecified = 0,

    /// <summary>Created by an IdP through SCIM.</summary>
    Scim = 1,

    /// <summary>Created by an application at first login (JIT upsert).</summary>
    Jit = 2,
}
