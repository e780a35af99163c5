using System.Net;
using Identity.ServiceDefaults.Hosting;

namespace Identity.ServiceDefaults.Tests.Hosting;

public sealed class KestrelEndpointsTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5001", "127.0.0.1", 5001)]
    [InlineData("http://0.0.0.0:8080", "0.0.0.0", 8080)]
    [InlineData("http://localhost:0", "127.0.0.1", 0)]
    [InlineData("http://[::1]:5002", "::1", 5002)]
    public void ParseEndPoint_ValidUrl_GivesAddressAndPort(string url, string address, int port)
    {
        var endpoint = KestrelEndpoints.ParseEndPoint(url, "Endpoints__Main");

        Assert.Equal(IPAddress.Parse(address), endpoint.Address);
        Assert.Equal(port, endpoint.Port);
    }

    [Theory]
    [InlineData("https://127.0.0.1:5001")]
    [InlineData("127.0.0.1:5001")]
    [InlineData("http://example.com:5001")]
    public void ParseEndPoint_Unsupported_NamesTheKey(string url)
    {
        var error = Assert.Throws<InvalidOperationException>(() => KestrelEndpoints.ParseEndPoint(url, "Endpoints__Main"));

        Assert.Contains("Endpoints__Main", error.Message, StringComparison.Ordinal);
    }
}
