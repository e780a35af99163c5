using Identity.GroupRole.Domain;

namespace Identity.GroupRole.Grpc;

internal static partial class Log
{
    // An IdP's or admin's bad request is Information, not a warning about us.
    [LoggerMessage(Level = LogLevel.Information, Message = "GroupRole refused {Method}: {Error}")]
    public static partial void RequestRefused(this ILogger logger, string method, GroupRoleError error);
}
