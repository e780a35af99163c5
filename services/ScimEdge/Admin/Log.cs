using Grpc.Core;

namespace Identity.ScimEdge.Admin;

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin__ApiKey is empty: the admin API is disabled and /admin answers 404")]
    public static partial void AdminApiDisabled(this ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An admin request failed downstream with {StatusCode}")]
    public static partial void AdminDownstreamFailed(this ILogger logger, StatusCode statusCode, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure in an admin handler")]
    public static partial void AdminUnexpectedFailure(this ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin changed tenant {TenantId}: {Change}")]
    public static partial void AdminChangedTenant(this ILogger logger, string tenantId, string change);
}
