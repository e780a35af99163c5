using Grpc.Net.Client.Balancer;

namespace Identity.ServiceDefaults.Discovery.Consul;

/// <summary>One answer of the health endpoint: the passing instances and the <c>X-Consul-Index</c> it was read at.</summary>
internal sealed record ConsulHealthResult(IReadOnlyList<ConsulServiceEntry> Entries, ulong Index)
{
    /// <summary>
    /// Where to dial each instance: its service address, or its node's when the service registered ""
    /// (Consul's "the agent's address is used"). Sorted so an unchanged set compares equal.
    /// </summary>
    public IReadOnlyList<BalancerAddress> ToAddresses() =>
        Entries
            .Where(e => e.Service is { Port: > 0 })
            .Select(e => (Host: string.IsNullOrEmpty(e.Service!.Address) ? e.Node?.Address : e.Service.Address, e.Service.Port))
            .Where(a => !string.IsNullOrEmpty(a.Host))
            .Distinct()
            .OrderBy(a => a.Host, StringComparer.Ordinal).ThenBy(a => a.Port)
            .Select(a => new BalancerAddress(a.Host!, a.Port))
            .ToList();
}
