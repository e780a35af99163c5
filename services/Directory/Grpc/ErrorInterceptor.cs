using Grpc.Core;
using Grpc.Core.Interceptors;
using Identity.Directory.Storage;
using Identity.Directory.Users;

namespace Identity.Directory.Grpc;

/// <summary>Turns Directory's own refusals into statuses in one place, so handlers just throw them.</summary>
internal sealed class ErrorInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (DirectoryException ex)
        {
            throw Errors.From(ex);
        }
        catch (StoreConflictException ex)
        {
            throw Errors.From(ex);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (DirectoryException ex)
        {
            throw Errors.From(ex);
        }
    }
}
