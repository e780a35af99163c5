using Grpc.Core;
using Grpc.Net.Client.Configuration;
using Identity.ServiceDefaults.GrpcClients;

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
}
