namespace Identity.Directory.Auditing;

/// <summary>What a mutation appends to the tenant's trail; never secrets or personal data in <see cref="Detail"/>.</summary>
public sealed record AuditEntry(
    string TenantId,
    DateTimeOffset Time,
    string Actor,
    AuditAction Action,
    string ResourceType,
    string ResourceId,
    long VersionBefore,
    long VersionAfter,
    string RequestId,
    string Detail);
