using Grpc.Net.Client.Balancer;
using Microsoft.Extensions.Options;

namespace Identity.ServiceDefaults.Discovery.Static;

/// <summary>Resolves <c>static://name</c> from <see cref="DiscoveryOptions.Static"/>.</summary>
internal sealed class StaticDiscoveryResolverFactory(IOptions<DiscoveryOptions> options) : ResolverFactory
{
    private readonly StaticResolverFactory _inner = new(uri => StaticDiscovery.Resolve(options.Value, uri.Host));

    public override string Name => StaticDiscovery.Scheme;

    public override Resolver Create(ResolverOptions options) => _inner.Create(options);
}
