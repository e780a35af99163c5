using Grpc.Core;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Identity.ServiceDefaults.GrpcClients;

/// <summary>Registers generated gRPC clients with deadlines, retries for idempotent methods and round-robin balancing.</summary>
public static class GrpcClientRegistration
{
    /// <summary>
    /// Adds <typeparamref name="TClient"/> calling <paramref name="address"/> (http://, static:// or consul://).
    /// Only <paramref name="idempotentMethods"/> (names within <paramref name="grpcServiceName"/>) are retried.
    /// </summary>
    public static IHttpClientBuilder AddIdentityGrpcClient<TClient>(
        this IServiceCollection services,
        Func<IServiceProvider, Uri> address,
        string grpcServiceName,
        IEnumerable<string> idempotentMethods)
        where TClient : class
    {
        var retryable = idempotentMethods.ToArray();
        return services
            .AddGrpcClient<TClient>((sp, o) => o.Address = address(sp))
            // HttpClientFactory's per-request log handlers open a scope and time every call, for
            // Information lines about each HTTP/2 request; gRPC logs its own calls and failures.
            .RemoveAllLoggers()
            .AddInterceptor(sp => new DefaultDeadlineInterceptor(
                sp.GetService<TimeProvider>() ?? TimeProvider.System,
                sp.GetRequiredService<IOptions<GrpcClientOptions>>().Value.DefaultDeadline))
            .ConfigureChannel((sp, channel) =>
            {
                // A custom scheme (static://, consul://) says nothing about TLS; inside the cluster it is plain h2c.
                channel.Credentials = ChannelCredentials.Insecure;
                channel.ServiceProvider = sp;
                // A restarted downstream should be found within a second, not after the default 1-120 s backoff.
                channel.InitialReconnectBackoff = TimeSpan.FromMilliseconds(200);
                channel.MaxReconnectBackoff = TimeSpan.FromSeconds(5);
                channel.ServiceConfig = BuildServiceConfig(grpcServiceName, retryable, sp.GetRequiredService<IOptions<GrpcClientOptions>>().Value);
            });
    }

    internal static ServiceConfig BuildServiceConfig(string grpcServiceName, IReadOnlyList<string> retryable, GrpcClientOptions options)
    {
        var config = new ServiceConfig { LoadBalancingConfigs = { new RoundRobinConfig() } };
        if (retryable.Count > 0 && options.MaxAttempts > 1)
        {
            var method = new MethodConfig
            {
                RetryPolicy = new RetryPolicy
                {
                    MaxAttempts = options.MaxAttempts,
                    InitialBackoff = TimeSpan.FromMilliseconds(100),
                    MaxBackoff = TimeSpan.FromSeconds(2),
                    BackoffMultiplier = 2,
                    RetryableStatusCodes = { StatusCode.Unavailable },
                },
            };
            foreach (var name in retryable)
            {
                method.Names.Add(new MethodName { Service = grpcServiceName, Method = name });
            }
            config.MethodConfigs.Add(method);
        }
        return config;
    }
}
