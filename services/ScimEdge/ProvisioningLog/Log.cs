namespace Identity.ScimEdge.ProvisioningLog;

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record a SCIM request of tenant {TenantId} in the provisioning log")]
    public static partial void ProvisioningLogFailed(this ILogger logger, string tenantId, Exception exception);
}
