using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Identity.ServiceDefaults.Hosting;

/// <summary>
/// The endpoints a service listens on. Kestrel writes the bound port back into each
/// <see cref="ListenOptions"/> once it has started, so port 0 (tests) is resolved here.
/// </summary>
public sealed class ServiceEndpoints
{
    private ListenOptions? _main;
    private ListenOptions? _management;

    /// <summary>The service name used for telemetry, logs and discovery (e.g. "directory").</summary>
    public required string ServiceName { get; init; }

    internal void Attach(ListenOptions main, ListenOptions management)
    {
        _main = main;
        _management = management;
    }

    /// <summary>The main endpoint's URL, valid once the host has started.</summary>
    public Uri MainUri => ToUri(_main);

    /// <summary>The management (health) endpoint's URL, valid once the host has started.</summary>
    public Uri ManagementUri => ToUri(_management);

    /// <summary>The management port, or 0 before the host has started.</summary>
    public int ManagementPort => _management?.IPEndPoint?.Port ?? 0;

    private static Uri ToUri(ListenOptions? options)
    {
        var endpoint = options?.IPEndPoint ?? throw new InvalidOperationException("The host has not started yet.");
        var host = endpoint.Address.Equals(IPAddress.Any) || endpoint.Address.Equals(IPAddress.IPv6Any)
            ? IPAddress.Loopback.ToString()
            : endpoint.Address.ToString();
        if (endpoint.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && host != IPAddress.Loopback.ToString())
        {
            host = $"[{host}]";
        }
        return new Uri($"http://{host}:{endpoint.Port}");
    }
}
