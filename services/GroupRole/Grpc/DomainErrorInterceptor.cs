using Grpc.Core;
using Grpc.Core.Interceptors;
using Identity.GroupRole.Domain;

namespace Identity.GroupRole.Grpc;

/// <summary>Turns domain refusals into gRPC statuses once, so handlers stay free of try/catch.</summary>
internal sealed partial class DomainErrorInterceptor(ILogger<DomainErrorInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (GroupRoleException ex)
        {
            LogRefused(logger, context.Method, ex.Error);
            throw Errors.From(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "GroupRole refused {Method}: {Error}")]
    private static partial void LogRefused(ILogger logger, string method, GroupRoleError error);
}
