namespace Identity.Revocation.Reconciliation;

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciler blocked user {UserId} of tenant {TenantId}, which Directory has {State} but Revocation did not block.")]
    public static partial void ReconcilerBlocked(this ILogger logger, string tenantId, string userId, string state);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciler pass over {Tenants} tenants: {Inactive} inactive users, {Blocked} newly blocked.")]
    public static partial void ReconcilerPass(this ILogger logger, int tenants, int inactive, int blocked);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciler could not reconcile tenant {TenantId}.")]
    public static partial void ReconcilerTenantFailed(this ILogger logger, string tenantId, Exception exception);
}
