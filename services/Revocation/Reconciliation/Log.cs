namespace Identity.Revocation.Reconciliation;

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciler repair: blocked user {UserId} of tenant {TenantId}, which Directory has {State} but Revocation did not block.")]
    public static partial void ReconcilerBlocked(this ILogger logger, string tenantId, string userId, string state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciler repair: suspended user {UserId} of tenant {TenantId} in GroupRole, which Directory has {State}.")]
    public static partial void ReconcilerSuspended(this ILogger logger, string tenantId, string userId, string state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciler repair: lifted the stale lifecycle block of user {UserId} of tenant {TenantId}, whom Directory reactivated (still blocked: {StillBlocked}).")]
    public static partial void ReconcilerUnblocked(this ILogger logger, string tenantId, string userId, bool stillBlocked);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciler pass over {Tenants} tenants: {Inactive} inactive users, {Repairs} repairs, {Rebuilt} tenants rebuilt.")]
    public static partial void ReconcilerPass(this ILogger logger, int tenants, int inactive, int repairs, int rebuilt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciler could not reconcile tenant {TenantId}.")]
    public static partial void ReconcilerTenantFailed(this ILogger logger, string tenantId, Exception exception);
}
