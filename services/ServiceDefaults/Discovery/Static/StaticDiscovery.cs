using Grpc.Net.Client.Balancer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Identity.ServiceDefaults.Discovery.Static;

/// <summary>The embedded default: addresses come from configuration, never from a registry.</summary>
public static class StaticDiscovery
{
    /// <summary>The scheme of addresses resolved from <see cref="DiscoveryOptions.Static"/>.</summary>
    public const string Scheme = "static";

    /// <summary>Registers the <c>static://name</c> resolver for gRPC channels.</summary>
    public static IServiceCollection AddStaticDiscovery(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ResolverFactory, StaticDiscoveryResolverFactory>());
        return services;
    }

    /// <summary>The configured addresses of <paramref name="serviceName"/>; throws naming the missing key.</summary>
    public static IReadOnlyList<BalancerAddress> Resolve(DiscoveryOptions options, string serviceName)
    {
        if (!options.Static.TryGetValue(serviceName, out var list) || string.IsNullOrWhiteSpace(list))
        {
            throw new InvalidOperationException(
                $"No static address for service '{serviceName}': set {DiscoveryOptions.SectionName}__Static__{serviceName}.");
        }
        return list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(address => new Uri(address, UriKind.Absolute))
            .Select(uri => new BalancerAddress(uri.Host, uri.Port))
            .ToList();
    }
}
