namespace Identity.GroupRole.Domain;

/// <summary>One group mutation, written in the same transaction as the change itself.</summary>
public sealed record GroupAuditRecord(
    string TenantId,
    string GroupId,
    string Actor,
    string Action,
    long VersionBefore,
    long VersionAfter,
    DateTimeOffset At,
    string RequestId);
