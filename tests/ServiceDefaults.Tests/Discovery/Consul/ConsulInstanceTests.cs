using System.Net;
using Identity.ServiceDefaults.Discovery.Consul;

namespace Identity.ServiceDefaults.Tests.Discovery.Consul;

public sealed class ConsulInstanceTests
{
    [Fact]
    public void FirstNonLoopbackIPv4_AnyMachine_IsAnIPv4Address()
    {
        var address = ConsulInstance.FirstNonLoopbackIPv4();

        Assert.Equal(System.Net.Sockets.AddressFamily.InterNetwork, IPAddress.Parse(address).AddressFamily);
    }
}
