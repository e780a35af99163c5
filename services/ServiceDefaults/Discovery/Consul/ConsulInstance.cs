using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Identity.ServiceDefaults.Hosting;

namespace Identity.ServiceDefaults.Discovery.Consul;

/// <summary>What this process registers: its ID, the address others dial, and its readiness check.</summary>
internal static class ConsulInstance
{
    public static ConsulServiceRegistration Describe(ServiceEndpoints endpoints, ConsulOptions options, string hostName)
    {
        var address = string.IsNullOrWhiteSpace(options.ServiceAddress) ? FirstNonLoopbackIPv4() : options.ServiceAddress;
        var port = endpoints.MainUri.Port;
        // The pod or machine name plus the port keeps IDs unique when one host runs several replicas
        // (the DevHost, tests) and stable across restarts, so a re-registration replaces, not duplicates.
        var id = $"{endpoints.ServiceName}-{hostName}-{port}".ToLowerInvariant();
        var hostForUrl = IPAddress.TryParse(address, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address;
        return new ConsulServiceRegistration
        {
            Id = id,
            Name = endpoints.ServiceName,
            Tags = options.Tags,
            Address = address,
            Port = port,
            Check = new ConsulCheckDefinition
            {
                CheckId = id + "-ready",
                Name = "HTTP /health/ready",
                // Readiness, not liveness: an instance whose store is down leaves the passing set,
                // exactly as it leaves a Kubernetes Service. It lives on the management port for
                // every service, gRPC or HTTP, so one check shape fits all four.
                Http = $"http://{hostForUrl}:{endpoints.ManagementPort}/health/ready",
                Method = "GET",
                Interval = GoDuration.Format(options.CheckInterval),
                Timeout = GoDuration.Format(options.CheckTimeout),
                DeregisterCriticalServiceAfter = GoDuration.Format(options.DeregisterCriticalServiceAfter),
            },
        };
    }

    internal static string FirstNonLoopbackIPv4()
    {
        try
        {
            return NetworkInterface.GetAllNetworkInterfaces()
                .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Select(u => u.Address)
                .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
                ?.ToString() ?? IPAddress.Loopback.ToString();
        }
        catch (NetworkInformationException)
        {
            return IPAddress.Loopback.ToString();
        }
    }
}
