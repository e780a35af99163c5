namespace Identity.Revocation.Domain;

/// <summary>
/// One entry of a tenant's revocation feed; <see cref="EventId"/> is its stream id. <see cref="Origin"/>
/// is the block placed (USER_REVOKED) or lifted (USER_UNBLOCKED).
/// </summary>
public sealed record RevocationEventRecord(
    string TenantId,
    string EventId,
    RevocationEventKind Kind,
    string UserId,
    string? SessionId,
    string? TokenId,
    DateTimeOffset? Watermark,
    DateTimeOffset Time,
    string Reason,
    BlockOrigins Origin = BlockOrigins.None);
