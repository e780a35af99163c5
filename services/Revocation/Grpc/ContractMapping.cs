using Google.Protobuf.WellKnownTypes;
using Identity.Contracts.Revocation.V1;
using Identity.Revocation.Domain;

namespace Identity.Revocation.Grpc;

/// <summary>Domain records to and from the v1 contract.</summary>
internal static class ContractMapping
{
    public static CredentialStatus ToContract(this CredentialState state) => state switch
    {
        CredentialState.Valid => CredentialStatus.Valid,
        CredentialState.Revoked => CredentialStatus.Revoked,
        CredentialState.Blocked => CredentialStatus.Blocked,
        CredentialState.Expired => CredentialStatus.Expired,
        _ => CredentialStatus.Unknown,
    };

    public static RevocationEventType ToContract(this RevocationEventKind kind) => kind switch
    {
        RevocationEventKind.UserRevoked => RevocationEventType.UserRevoked,
        RevocationEventKind.UserUnblocked => RevocationEventType.UserUnblocked,
        RevocationEventKind.SessionRevoked => RevocationEventType.SessionRevoked,
        RevocationEventKind.TokenRevoked => RevocationEventType.TokenRevoked,
        _ => RevocationEventType.Unspecified,
    };

    /// <summary>RevokeUser's origin; unspecified (old callers) is a security block, which no reactivation lifts.</summary>
    public static BlockOrigins ToRevokeOrigin(this BlockOrigin origin) => origin switch
    {
        BlockOrigin.Unspecified or BlockOrigin.Security => BlockOrigins.Security,
        BlockOrigin.Lifecycle => BlockOrigins.Lifecycle,
        _ => throw Errors.InvalidArgument($"origin {(int)origin} is not a block origin."),
    };

    /// <summary>UnblockUser's origin; unspecified (old callers, the edge's reactivation) lifts only a lifecycle block.</summary>
    public static BlockOrigins ToUnblockOrigin(this BlockOrigin origin) => origin switch
    {
        BlockOrigin.Unspecified or BlockOrigin.Lifecycle => BlockOrigins.Lifecycle,
        BlockOrigin.Security => BlockOrigins.Security,
        _ => throw Errors.InvalidArgument($"origin {(int)origin} is not a block origin."),
    };

    public static BlockOrigin ToContract(this BlockOrigins origin) => origin switch
    {
        BlockOrigins.Lifecycle => BlockOrigin.Lifecycle,
        BlockOrigins.Security => BlockOrigin.Security,
        _ => BlockOrigin.Unspecified,
    };

    public static IEnumerable<BlockOrigin> ToContractList(this BlockOrigins blocks)
    {
        if (blocks.HasFlag(BlockOrigins.Lifecycle))
        {
            yield return BlockOrigin.Lifecycle;
        }
        if (blocks.HasFlag(BlockOrigins.Security))
        {
            yield return BlockOrigin.Security;
        }
    }

    public static Session ToContract(this SessionRecord session)
    {
        var contract = new Session
        {
            TenantId = session.TenantId,
            UserId = session.UserId,
            SessionId = session.SessionId,
            IssuedAt = Timestamp.FromDateTimeOffset(session.IssuedAt),
            ExpiresAt = Timestamp.FromDateTimeOffset(session.ExpiresAt),
        };
        foreach (var (key, value) in session.Attributes)
        {
            contract.Attributes[key] = value;
        }
        return contract;
    }

    public static ApiToken ToContract(this TokenRecord token) => new()
    {
        TenantId = token.TenantId,
        UserId = token.UserId,
        TokenId = token.TokenId,
        IssuedAt = Timestamp.FromDateTimeOffset(token.IssuedAt),
        ExpiresAt = Timestamp.FromDateTimeOffset(token.ExpiresAt),
    };

    public static RevocationEvent ToContract(this RevocationEventRecord record) => new()
    {
        TenantId = record.TenantId,
        EventId = record.EventId,
        Type = record.Kind.ToContract(),
        UserId = record.UserId,
        SessionId = record.SessionId ?? string.Empty,
        TokenId = record.TokenId ?? string.Empty,
        Watermark = record.Watermark is { } watermark ? Timestamp.FromDateTimeOffset(watermark) : null,
        Time = Timestamp.FromDateTimeOffset(record.Time),
        Reason = record.Reason,
        Origin = record.Origin.ToContract(),
    };

    public static Timestamp? ToTimestamp(this DateTimeOffset? time) => time is { } value ? Timestamp.FromDateTimeOffset(value) : null;
}
