using Grpc.Core;
using HealthClient = Grpc.Health.V1.Health.HealthClient;
using HealthService = Grpc.Health.V1.Health;
using Grpc.Net.Client.Configuration;
using Identity.ServiceDefaults.GrpcClients;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Logging;

namespace Identity.ServiceDefaults.Tests.GrpcClients;

public sealed class GrpcClientRegistrationTests
{
    [Fact]
    public void BuildServiceConfig_IdempotentMethods_RetryOnlyThemOnUnavailable()
    {
        var config = GrpcClientRegistration.BuildServiceConfig("pkg.Svc", ["Get", "List"], new GrpcClientOptions { MaxAttempts = 3 });

        var method = Assert.Single(config.MethodConfigs);
        Assert.Equal(["Get", "List"], method.Names.Select(n => n.Method));
        Assert.All(method.Names, n => Assert.Equal("pkg.Svc", n.Service));
        Assert.Equal(3, method.RetryPolicy!.MaxAttempts);
        Assert.Equal([StatusCode.Unavailable], method.RetryPolicy.RetryableStatusCodes);
        Assert.IsType<RoundRobinConfig>(Assert.Single(config.LoadBalancingConfigs));
    }

    [Fact]
    public void BuildServiceConfig_NoIdempotentMethods_NoRetries()
    {
        var config = GrpcClientRegistration.BuildServiceConfig("pkg.Svc", [], new GrpcClientOptions());

        Assert.Empty(config.MethodConfigs);
    }

    [Fact]
    public void AddIdentityGrpcClient_HandlerChain_HasNoPerRequestLogHandlers()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddIdentityGrpcClient<HealthClient>(_ => new Uri("http://127.0.0.1:1"), HealthService.Descriptor.FullName, []);
        using var provider = services.BuildServiceProvider();

        var handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(nameof(HealthClient));
        var chain = new List<HttpMessageHandler>();
        for (HttpMessageHandler? h = handler; h is not null; h = (h as DelegatingHandler)?.InnerHandler)
        {
            chain.Add(h);
        }

        Assert.NotEmpty(chain);
        Assert.DoesNotContain(chain, h => h is LoggingHttpMessageHandler or LoggingScopeHttpMessageHandler);
    }
}
