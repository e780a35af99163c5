using Grpc.Core;
using Grpc.Core.Interceptors;
using Identity.Revocation.Storage;

namespace Identity.Revocation.Grpc;

/// <summary>
/// Answers UNAVAILABLE whenever the store cannot reach its backend, for every RPC, so callers
/// fail closed and retry; the store's connection recovers by itself.
/// </summary>
internal sealed class StoreUnavailableInterceptor(ILogger<StoreUnavailableInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (StoreUnavailableException ex)
        {
            logger.StoreUnavailable(context.Method, ex.InnerException ?? ex);
            throw Errors.StoreUnavailable();
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (StoreUnavailableException ex)
        {
            logger.StoreUnavailable(context.Method, ex.InnerException ?? ex);
            throw Errors.StoreUnavailable();
        }
    }
}
