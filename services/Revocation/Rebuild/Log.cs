namespace Identity.Revocation.Rebuild;

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Rebuilt tenant {TenantId} from Directory after its state was lost: {Blocks} blocks restored in {Milliseconds} ms.")]
    public static partial void TenantRebuilt(this ILogger logger, string tenantId, int blocks, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rebuild pass could not reach Directory or the store; retrying.")]
    public static partial void RebuildPassFailed(this ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rebuild of tenant {TenantId} failed; answering retry.")]
    public static partial void TenantRebuildFailed(this ILogger logger, string tenantId, Exception exception);
}
