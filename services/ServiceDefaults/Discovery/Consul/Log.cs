using Microsoft.Extensions.Logging;

namespace Identity.ServiceDefaults.Discovery.Consul;

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {ServiceId} with Consul at {Address}:{Port}.")]
    public static partial void ConsulRegistered(this ILogger logger, string serviceId, string address, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consul registration of {ServiceId} failed; retrying in {Delay}.")]
    public static partial void ConsulRegistrationFailed(this ILogger logger, string serviceId, TimeSpan delay, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deregistered {ServiceId} from Consul.")]
    public static partial void ConsulDeregistered(this ILogger logger, string serviceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consul deregistration of {ServiceId} failed; its check will expire it.")]
    public static partial void ConsulDeregistrationFailed(this ILogger logger, string serviceId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consul did not answer for {Service}; keeping {Count} known addresses.")]
    public static partial void ConsulUnreachable(this ILogger logger, string service, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Consul lists {Count} passing instances of {Service}.")]
    public static partial void ConsulInstancesChanged(this ILogger logger, string service, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Consul index for {Service} went back from {Previous} to {Current}; starting over.")]
    public static partial void ConsulIndexReset(this ILogger logger, string service, ulong previous, ulong current);
}
