using Grpc.Net.Client.Balancer;

namespace Identity.ServiceDefaults.Discovery.Consul;

/// <summary>Creates a <see cref="ConsulResolver"/> for each channel whose address is <c>consul://name</c>.</summary>
internal sealed class ConsulResolverFactory(ConsulHealthClient consul, TimeProvider time) : ResolverFactory
{
    public override string Name => ConsulDiscovery.Scheme;

    public override Resolver Create(ResolverOptions options) =>
        new ConsulResolver(options.Address.Host, consul, time, options.LoggerFactory);
}
