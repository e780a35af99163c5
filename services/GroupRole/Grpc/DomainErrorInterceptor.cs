using Grpc.Core;
using Grpc.Core.Interceptors;
using Identity.GroupRole.Domain;

namespace Identity.GroupRole.Grpc;

/// <summary>Turns domain refusals into gRPC statuses once, so handlers stay free of try/catch.</summary>
internal sealed class DomainErrorInterceptor(ILogger<DomainErrorInterceptor> logger) : Interceptor
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
            logger.RequestRefused(context.Method, ex.Error);
            throw Errors.From(ex);
        }
    }
}
