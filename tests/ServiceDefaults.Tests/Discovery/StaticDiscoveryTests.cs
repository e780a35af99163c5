using Identity.ServiceDefaults.Discovery;
using Identity.ServiceDefaults.Discovery.Static;

namespace Identity.ServiceDefaults.Tests.Discovery;

public sealed class StaticDiscoveryTests
{
    [Fact]
    public void Resolve_CommaSeparatedAddresses_GivesEachHostAndPort()
    {
        var options = new DiscoveryOptions { Static = { ["directory"] = "http://10.0.0.1:5001, http://10.0.0.2:5001" } };

        var addresses = StaticDiscovery.Resolve(options, "Directory");

        Assert.Equal(["10.0.0.1:5001", "10.0.0.2:5001"], addresses.Select(a => a.EndPoint.ToString()));
    }

    [Fact]
    public void Resolve_UnknownService_NamesTheKeyToSet()
    {
        var options = new DiscoveryOptions();

        var error = Assert.Throws<InvalidOperationException>(() => StaticDiscovery.Resolve(options, "grouprole"));

        Assert.Contains("Discovery__Static__grouprole", error.Message, StringComparison.Ordinal);
    }
}
