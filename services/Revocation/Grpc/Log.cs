namespace Identity.Revocation.Grpc;

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Revocation store unavailable during {Method}.")]
    public static partial void StoreUnavailable(this ILogger logger, string method, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} of tenant {TenantId} revoked with a {Origin} block ({Reason}): {Sessions} sessions, {Tokens} tokens.")]
    public static partial void UserRevoked(this ILogger logger, string tenantId, string userId, Domain.BlockOrigins origin, string reason, int sessions, int tokens);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} of tenant {TenantId}: {Origin} block lifted (still blocked: {StillBlocked}).")]
    public static partial void UserUnblocked(this ILogger logger, string tenantId, string userId, Domain.BlockOrigins origin, bool stillBlocked);
}
