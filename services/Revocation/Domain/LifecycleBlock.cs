namespace Identity.Revocation.Domain;

/// <summary>A block to restore from Directory: the user is out (deactivated or deleted) since <see cref="Since"/>.</summary>
public readonly record struct LifecycleBlock(string UserId, DateTimeOffset Since, bool Deleted);
