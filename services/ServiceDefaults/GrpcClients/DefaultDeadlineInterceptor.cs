using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Identity.ServiceDefaults.GrpcClients;

/// <summary>Gives every unary call a deadline, so a hung downstream fails fast instead of holding the caller.</summary>
public sealed class DefaultDeadlineInterceptor(TimeProvider time, TimeSpan deadline) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        if (context.Options.Deadline is null)
        {
            var options = context.Options.WithDeadline(time.GetUtcNow().UtcDateTime + deadline);
            context = new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, options);
        }
        return continuation(request, context);
    }
}
