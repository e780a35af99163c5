using System.Net;
using System.Net.Sockets;

namespace Identity.TestKit;

/// <summary>A loopback port nobody is listening on, for servers that cannot bind port 0 themselves.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
