using Grpc.Net.Client.Balancer;
using Identity.ServiceDefaults.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Identity.ServiceDefaults.Discovery.Consul;

/// <summary>Consul discovery: <c>consul://name</c> addresses for gRPC channels, and self-registration.</summary>
public static class ConsulDiscovery
{
    /// <summary>The scheme of addresses resolved through Consul's health endpoint.</summary>
    public const string Scheme = "consul";

    /// <summary>The <c>Discovery__Provider</c> value that makes each service register itself with Consul.</summary>
    public const string ProviderName = "Consul";

    /// <summary>
    /// Binds and validates <see cref="ConsulOptions"/>, registers the <c>consul://</c> resolver (always, so a
    /// <c>consul://</c> address works wherever it is configured) and the registration hosted service,
    /// which does nothing unless <c>Discovery__Provider=Consul</c>.
    /// </summary>
    public static IServiceCollection AddConsulDiscovery(this IServiceCollection services)
    {
        services.AddValidatedOptions<ConsulOptions>(ConsulOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConsulOptions>, ConsulOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton(typeof(ConsulDiscovery), (sp, _) => ConsulHttp.CreateClient(sp.GetRequiredService<IOptions<ConsulOptions>>().Value));
        services.TryAddSingleton(sp => new ConsulAgentClient(
            sp.GetRequiredKeyedService<HttpClient>(typeof(ConsulDiscovery)), sp.GetRequiredService<IOptions<ConsulOptions>>().Value));
        services.TryAddSingleton(sp => new ConsulHealthClient(
            sp.GetRequiredKeyedService<HttpClient>(typeof(ConsulDiscovery)), sp.GetRequiredService<IOptions<ConsulOptions>>().Value));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ResolverFactory, ConsulResolverFactory>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ConsulRegistrationService>());
        return services;
    }
}
